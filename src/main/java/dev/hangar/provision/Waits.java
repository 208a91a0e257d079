package dev.hangar.provision;

import dev.hangar.blueprint.StepFailedException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Polls with bounded exponential backoff until a condition holds, the time is up, or the launch is cancelled. */
public final class Waits {

    /** A check that answers whether the wait is over; it may throw to end the wait with a failure. */
    @FunctionalInterface
    public interface Check {
        boolean done() throws Exception;
    }

    private final Pacing pacing;
    private final AtomicBoolean cancelled;

    public Waits(Pacing pacing, AtomicBoolean cancelled) {
        this.pacing = pacing;
        this.cancelled = cancelled;
    }

    public Pacing pacing() {
        return pacing;
    }

    /**
     * @param what    said in the timeout message, e.g. "instance i-123 to run"
     * @param onWait  told each time the check says "not yet", with the seconds waited so far
     */
    public void until(String what, Duration timeout, Check check, Consumer<Long> onWait) throws Exception {
        wait(what, timeout, check, onWait, true);
    }

    /**
     * Like {@link #until}, but asking at a steady {@link Pacing#firstDelay()} instead of backing off: for the waits on a
     * launch's critical path that AWS ends within a minute or two (IAM propagation, an instance starting, a NAT gateway,
     * Session Manager's agent), where a backed-off poll would add up to its whole last interval to what the user waits.
     */
    public void steadily(String what, Duration timeout, Check check, Consumer<Long> onWait) throws Exception {
        wait(what, timeout, check, onWait, false);
    }

    private void wait(String what, Duration timeout, Check check, Consumer<Long> onWait, boolean backOff) throws Exception {
        long start = System.nanoTime();
        Duration delay = pacing.firstDelay();
        while (!check.done()) {
            long waited = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            if (Duration.ofNanos(System.nanoTime() - start).compareTo(timeout) > 0) {
                throw new StepFailedException("gave up waiting for " + what + " after " + waited + " s");
            }
            onWait.accept(waited);
            sleep(delay);
            delay = backOff ? pacing.next(delay) : delay;
        }
    }

    public void sleep(Duration d) throws InterruptedException, LaunchCancelledException {
        throwIfCancelled();
        Thread.sleep(d.toMillis());
        throwIfCancelled();
    }

    public void throwIfCancelled() throws LaunchCancelledException {
        if (cancelled.get()) {
            throw new LaunchCancelledException();
        }
    }
}
