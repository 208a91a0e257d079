package dev.hangar.auth;

import java.time.Duration;

/** How the device flow waits between polls: for real in the app, on a fake clock in tests. */
@FunctionalInterface
public interface Sleeper {

    /** Waits for {@code time}, returning early when {@code cancellation} is cancelled. */
    void sleep(Duration time, Cancellation cancellation) throws InterruptedException;

    static Sleeper real() {
        return (time, cancellation) -> cancellation.await(time);
    }

    /** A thousandth of each wait: a second becomes a millisecond. For emulators, where approval is instant. */
    static Sleeper fast() {
        return (time, cancellation) -> cancellation.await(time.dividedBy(1000));
    }
}
