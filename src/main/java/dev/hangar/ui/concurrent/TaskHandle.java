package dev.hangar.ui.concurrent;

/** A running background task, to cancel when its answer is no longer wanted (a newer request replaced it). */
public interface TaskHandle {

    /**
     * Drops the task's success and error handlers and interrupts its worker; its finally handler and busy flag
     * run at once, so nothing stays greyed out. Does nothing once the task has ended. Call from the UI thread.
     */
    void cancel();

    boolean isCancelled();

    /** A handle for no task at all: a field's starting value, so callers need no null check. */
    static TaskHandle none() {
        return NoTask.INSTANCE;
    }

    /** The handle of no task. */
    enum NoTask implements TaskHandle {
        INSTANCE;

        @Override
        public void cancel() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
