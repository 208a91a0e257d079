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
        long start = System.nanoTime();
        Duration delay = pacing.firstDelay();
        while (!check.done()) {
            long waited = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            if (Duration.ofNanos(System.nanoTime() - start).compareTo(timeout) > 0) {
                throw new StepFailedException("gave up waiting for " + what + " after " + waited + " s");
            }
            onWait.accept(waited);
            sleep(delay);
            delay = pacing.next(delay);
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
