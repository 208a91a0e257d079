package dev.hangar.ui.auth;

import dev.hangar.auth.Cancellation;
import dev.hangar.auth.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Each wait between polls lasts until the test lets it end ({@link #approve()}: "the user clicked Approve in
 * the browser"), or until the sign-in is cancelled; {@link #open()} lets every wait end at once.
 */
final class GatedSleeper implements Sleeper {

    private final Semaphore permits = new Semaphore(0);
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private volatile boolean open;

    @Override
    public void sleep(Duration time, Cancellation cancellation) throws InterruptedException {
        waits.add(time);
        while (!open && !cancellation.isCancelled()) {
            if (permits.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    void approve() {
        permits.release();
    }

    void open() {
        open = true;
    }

    List<Duration> waits() {
        return List.copyOf(waits);
    }
}
