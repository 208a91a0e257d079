package dev.hangar.ui.connect;

import java.time.Duration;
import java.util.Optional;

/**
 * How often to ask whether Session Manager can reach an instance: often while it usually registers, then less often,
 * and not for ever (an instance whose agent never registers needs a person, not more calls).
 *
 * @param every       the wait between checks at first
 * @param slowerAfter after this much waiting, checks are {@code slowEvery} apart
 * @param slowEvery   the wait between later checks
 * @param giveUpAfter no check after this much waiting
 */
public record PollSchedule(Duration every, Duration slowerAfter, Duration slowEvery, Duration giveUpAfter) {

    /** Every 5 s for the 3 minutes an agent usually takes to register, then every 30 s, up to 15 minutes. */
    public static PollSchedule standard() {
        return new PollSchedule(Duration.ofSeconds(5), Duration.ofMinutes(3), Duration.ofSeconds(30), Duration.ofMinutes(15));
    }

    /** The wait before the next check, having waited {@code waited} in all so far; empty when it is time to give up. */
    public Optional<Duration> next(Duration waited) {
        Duration wait = waited.compareTo(slowerAfter) < 0 ? every : slowEvery;
        return waited.plus(wait).compareTo(giveUpAfter) > 0 ? Optional.empty() : Optional.of(wait);
    }

    /** In words, for "stopped checking after …". */
    String giveUpInWords() {
        long minutes = giveUpAfter.toMinutes();
        return minutes >= 1 ? minutes + (minutes == 1 ? " minute" : " minutes") : giveUpAfter.toSeconds() + " s";
    }
}
