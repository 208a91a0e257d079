package dev.hangar.connect;

/**
 * Whether a Session Manager session can be opened on an instance now, and if not why, in words for a tooltip.
 *
 * @param online true when Session Manager reports the instance's agent {@code Online}
 * @param reason null when online; otherwise why not, as a sentence
 */
public record Readiness(boolean online, String reason) {

    public static Readiness ready() {
        return new Readiness(true, null);
    }

    public static Readiness notYet(String reason) {
        return new Readiness(false, reason);
    }
}
