package dev.hangar.ui.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * Runs each task as a {@link javafx.concurrent.Task} on named daemon threads; handlers land on the FX thread.
 * It can {@link #hold()} tasks back for a while: the app does until its window's first frame is drawn.
 */
public final class FxTaskExecutor implements TaskExecutor {

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hangar-ui-task-" + threads.incrementAndGet());
        t.setDaemon(true); // a stuck AWS call must not keep the app alive after its window closed
        return t;
    });
    /** Tasks started while held, in order; null when not held. */
    private List<Runnable> held;

    /**
     * From now on, tasks are started as usual ({@link BackgroundTask#started()} runs, so the UI shows them busy)
     * but their work waits for {@link #release()}. Call from the FX thread.
     */
    public synchronized void hold() {
        if (held == null) {
            held = new ArrayList<>();
        }
    }

    /** Runs the held tasks, in the order they were started, and stops holding. Call from the FX thread. */
    public synchronized void release() {
        List<Runnable> waiting = held;
        held = null;
        if (waiting != null) {
            waiting.forEach(pool::execute);
        }
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        Task<T> fx = new Task<>() {
            @Override
            protected T call() throws Exception {
                return task.call();
            }
        };
        fx.setOnSucceeded(e -> task.succeeded(fx.getValue()));
        fx.setOnFailed(e -> task.failed(fx.getException()));
        task.interruptWith(() -> fx.cancel(true)); // a held task that was cancelled then never runs its work
        task.started();
        synchronized (this) {
            if (held != null) {
                held.add(fx);
                return task;
            }
        }
        pool.execute(fx);
        return task;
    }

    @Override
    public void runOnUiThread(Runnable r) {
        Platform.runLater(r);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
