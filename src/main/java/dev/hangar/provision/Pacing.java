package dev.hangar.provision;

import java.time.Duration;

/**
 * How often and how long to poll AWS while waiting (instance running, IAM propagation, a security
 * group still in use) and how long the last step waits for Session Manager to report the instance online (a launch that
 * outlasts it still succeeds, with a note). Tests use a fast pacing against the emulator.
 */
public record Pacing(Duration firstDelay, Duration maxDelay, double factor, Duration instanceTimeout, Duration iamTimeout, Duration cleanupTimeout,
                     Duration sessionManagerTimeout) {

    public static Pacing aws() {
        return new Pacing(Duration.ofSeconds(2), Duration.ofSeconds(15), 1.5, Duration.ofMinutes(15), Duration.ofMinutes(3), Duration.ofMinutes(10),
                Duration.ofMinutes(5));
    }

    public static Pacing fast() {
        return new Pacing(Duration.ofMillis(20), Duration.ofMillis(200), 2, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(3));
    }

    /** The same pacing with another limit on the wait for Session Manager. */
    public Pacing withSessionManagerTimeout(Duration timeout) {
        return new Pacing(firstDelay, maxDelay, factor, instanceTimeout, iamTimeout, cleanupTimeout, timeout);
    }

    Duration next(Duration current) {
        long next = (long) (current.toMillis() * factor);
        return Duration.ofMillis(Math.min(next, maxDelay.toMillis()));
    }
}
