package dev.hangar.ui.concurrent;

/**
 * Runs background work for the UI (JabRef's pattern): in the app off the FX thread, in tests on the
 * calling thread so that view-model tests need no sleeps.
 */
public interface TaskExecutor extends AutoCloseable {

    /**
     * Starts the task; its handlers run on the UI thread. Call from the UI thread.
     *
     * @return the handle that cancels it: its handlers are then dropped and its worker interrupted
     */
    <T> TaskHandle execute(BackgroundTask<T> task);

    /** Runs {@code r} on the UI thread, e.g. an engine event that arrived on an engine thread. */
    void runOnUiThread(Runnable r);

    /** Stops the worker threads; running tasks are interrupted. */
    @Override
    void close();
}
