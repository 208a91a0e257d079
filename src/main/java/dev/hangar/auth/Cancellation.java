package dev.hangar.auth;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Lets the user stop a sign-in that waits for approval; a wait in progress ends at once. */
public final class Cancellation {

    private final CountDownLatch cancelled = new CountDownLatch(1);

    public void cancel() {
        cancelled.countDown();
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Waits for {@code time}, or less when cancelled meanwhile. */
    public void await(Duration time) throws InterruptedException {
        cancelled.await(Math.max(0, time.toNanos()), TimeUnit.NANOSECONDS);
    }
}
