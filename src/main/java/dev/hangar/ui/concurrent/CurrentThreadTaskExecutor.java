package dev.hangar.ui.concurrent;

/** Runs every task at once on the calling thread: deterministic view-model tests, no sleeps. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        // The worker is this thread: a cancel from inside the work (or a handler) only drops the handlers.
        task.started();
        T result;
        try {
            result = task.call();
        } catch (Exception e) {
            task.failed(e);
            return task;
        }
        task.succeeded(result);
        return task;
    }

    @Override
    public void runOnUiThread(Runnable r) {
        r.run();
    }

    @Override
    public void close() {
        // nothing runs in the background
    }
}
