package dev.hangar.ui.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A piece of background work with its UI-thread handlers, built fluently (Cryptomator's pattern):
 * {@code Tasks.create(work).onSuccess(...).onError(Type, ...).andFinally(...).runOn(executor)}.
 * It is its own {@link TaskHandle}: once cancelled, its success and error handlers never run (JabRef's pattern),
 * which replaces hand-made "is this answer still wanted?" checks in the views.
 */
public final class BackgroundTask<T> implements TaskHandle {

    /** Set up on first use: the logging library's start-up is not worth delaying the window's first frame for. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(BackgroundTask.class);
    }

    private record ErrorHandler<E extends Throwable>(Class<E> type, Consumer<E> handler) {
        void handle(Throwable t) {
            handler.accept(type.cast(t));
        }
    }

    private final Callable<T> work;
    private Consumer<T> onSuccess = result -> { };
    private final List<ErrorHandler<?>> onError = new ArrayList<>();
    private Runnable andFinally = () -> { };
    private BooleanProperty busy;
    /** Set by the executor: interrupts the worker. */
    private Runnable interrupter = () -> { };
    private volatile boolean cancelled;
    /** Succeeded, failed or cancelled: the handlers ran (or were dropped) once and for all. UI thread only. */
    private boolean ended;

    BackgroundTask(Callable<T> work) {
        this.work = work;
    }

    public BackgroundTask<T> onSuccess(Consumer<T> handler) {
        this.onSuccess = handler;
        return this;
    }

    /** Handlers are tried in the order given; the first whose type matches handles the error. */
    public <E extends Throwable> BackgroundTask<T> onError(Class<E> type, Consumer<E> handler) {
        onError.add(new ErrorHandler<>(type, handler));
        return this;
    }

    public BackgroundTask<T> andFinally(Runnable handler) {
        this.andFinally = handler;
        return this;
    }

    /** A property that is true while the task runs, e.g. the wizard's {@code processing}, which greys out buttons. */
    public BackgroundTask<T> busy(BooleanProperty property) {
        this.busy = property;
        return this;
    }

    public TaskHandle runOn(TaskExecutor executor) {
        return executor.execute(this);
    }

    @Override
    public void cancel() {
        if (ended) {
            return;
        }
        ended = true;
        cancelled = true;
        interrupter.run();
        finish();
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    // Called by executors, in this order: started (UI thread), call (worker), succeeded or failed (UI thread).

    /** How the executor stops the worker when the task is cancelled. */
    void interruptWith(Runnable interrupter) {
        this.interrupter = interrupter;
    }

    void started() {
        if (busy != null) {
            busy.set(true);
        }
    }

    T call() throws Exception {
        return work.call();
    }

    void succeeded(T result) {
        if (ended) {
            return;
        }
        ended = true;
        try {
            onSuccess.accept(result);
        } finally {
            finish();
        }
    }

    void failed(Throwable error) {
        if (ended) {
            return;
        }
        ended = true;
        try {
            onError.stream().filter(h -> h.type().isInstance(error)).findFirst()
                    .ifPresentOrElse(h -> h.handle(error), () -> Log.LOG.warn("background task failed: {}", error.toString()));
        } finally {
            finish();
        }
    }

    private void finish() {
        if (busy != null) {
            busy.set(false);
        }
        andFinally.run();
    }
}
