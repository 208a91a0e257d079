package dev.hangar.ui.concurrent;

/** Runs every task at once on the calling thread: deterministic view-model tests, no sleeps. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        task.started();
        T result;
        try {
            result = task.call();
        } catch (Exception e) {
            task.failed(e);
            return;
        }
        task.succeeded(result);
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
