package dev.hangar.cli;

import java.time.Duration;
import java.time.Instant;

/** How old a resource is, in the one unit a reader needs: minutes, hours or days. */
final class Age {

    /** What the table shows where AWS does not say. */
    static final String UNKNOWN = "—";

    private Age() {
    }

    static String between(Instant createdAt, Instant now) {
        if (createdAt == null) {
            return UNKNOWN;
        }
        Duration age = Duration.between(createdAt, now);
        if (age.isNegative() || age.toMinutes() < 60) {
            return Math.max(0, age.toMinutes()) + "m";
        }
        return age.toHours() < 48 ? age.toHours() + "h" : age.toDays() + "d";
    }
}
