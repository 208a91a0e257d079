package dev.hangar.ui.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.concurrent.Task;

/** Runs each task as a {@link javafx.concurrent.Task} on named daemon threads; handlers land on the FX thread. */
public final class FxTaskExecutor implements TaskExecutor {

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hangar-ui-task-" + threads.incrementAndGet());
        t.setDaemon(true); // a stuck AWS call must not keep the app alive after its window closed
        return t;
    });

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        Task<T> fx = new Task<>() {
            @Override
            protected T call() throws Exception {
                return task.call();
            }
        };
        fx.setOnSucceeded(e -> task.succeeded(fx.getValue()));
        fx.setOnFailed(e -> task.failed(fx.getException()));
        task.started();
        pool.execute(fx);
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
