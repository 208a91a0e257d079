package dev.hangar.monitor;

import dev.hangar.provision.Pacing;
import java.time.Duration;

/**
 * How often a log follower asks CloudWatch Logs for more: every {@code first} while lines come, then longer each empty
 * poll up to {@code max}, and back to {@code first} at the next line. Two seconds keeps a line's wait about a second on
 * average, well inside GetLogEvents' 25 calls a second per account even with a few followers open.
 */
public record FollowPace(Duration first, Duration max, double factor) {

    public static FollowPace standard() {
        return new FollowPace(Duration.ofSeconds(2), Duration.ofSeconds(10), 1.5);
    }

    /** Against an emulator (tests, {@code --fast-polling}). */
    public static FollowPace fast() {
        return new FollowPace(Duration.ofMillis(20), Duration.ofMillis(200), 2);
    }

    /** Fast when the engine polls fast (the emulator), else standard. */
    public static FollowPace matching(Pacing pacing) {
        return pacing.firstDelay().compareTo(Duration.ofSeconds(1)) < 0 ? fast() : standard();
    }

    Duration after(Duration current, boolean gotLines) {
        return gotLines ? first : Duration.ofMillis(Math.min(max.toMillis(), (long) (current.toMillis() * factor)));
    }
}
