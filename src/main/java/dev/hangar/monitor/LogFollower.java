package dev.hangar.monitor;

import java.time.Duration;
import java.util.List;

/**
 * Follows a run's logs: polls its {@link RunLogs} at the {@link FollowPace}, hands each new batch on, keeps trying
 * after an error (a network blip must not end a follow), and stops when interrupted or, if asked, once the run has
 * ended. Blocks; the command line runs it on its main thread, the monitor on a thread of its own.
 */
public final class LogFollower {

    /** What the follower reports, on its own thread. */
    public interface Listener {
        /** New lines, oldest first; never empty. */
        void lines(List<LogLine> batch);

        /** Nothing could be read yet, and why (no log group or stream yet); called when the reason changes. */
        default void waiting(String why) {
        }

        /** A poll failed; the next try is in {@code retryIn}. */
        default void failed(RuntimeException e, Duration retryIn) {
        }
    }

    private final RunLogs reader;
    private final FollowPace pace;
    private final Listener listener;

    public LogFollower(RunLogs reader, FollowPace pace, Listener listener) {
        this.reader = reader;
        this.pace = pace;
        this.listener = listener;
    }

    /**
     * @param untilRunEnds return after the run's final state ({@code succeeded} or {@code failed}), once one more poll has
     *                     brought any output written just before it; else follow until interrupted
     * @return the final state when the run ended; null when interrupted
     */
    public RunStateEvent follow(boolean untilRunEnds) {
        Duration wait = pace.first();
        RunStateEvent ended = null;
        String waitingFor = null;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                boolean got;
                try {
                    List<LogLine> batch = reader.poll();
                    got = !batch.isEmpty();
                    if (got) {
                        listener.lines(batch);
                        for (LogLine l : batch) {
                            if (l.state() != null) {
                                ended = l.state().ended() ? l.state() : null; // a restart's new state follows an old end
                            }
                        }
                    }
                    String why = reader.missing().orElse(null);
                    if (why != null && !why.equals(waitingFor)) {
                        listener.waiting(why);
                    }
                    waitingFor = why;
                    if (untilRunEnds && ended != null && !got) {
                        List<LogLine> rest = reader.pollAll(); // the poll after the final state brought nothing more
                        if (!rest.isEmpty()) {
                            listener.lines(rest);
                        }
                        return ended;
                    }
                } catch (RuntimeException e) {
                    if (Thread.currentThread().isInterrupted() || interruption(e)) {
                        return null;
                    }
                    got = false;
                    listener.failed(e, pace.after(wait, false));
                }
                wait = pace.after(wait, got);
                Thread.sleep(untilRunEnds && ended != null ? pace.first().toMillis() : wait.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** The SDK reports an interrupted call as an AbortedException (or wraps the InterruptedException). */
    private static boolean interruption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t.getClass().getSimpleName().equals("AbortedException")) {
                return true;
            }
        }
        return false;
    }
}
