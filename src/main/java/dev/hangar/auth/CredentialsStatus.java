package dev.hangar.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long the credentials of a session last, for the account banner's countdown.
 *
 * @param now                when this was taken
 * @param credentialsExpire  when the current role credentials run out; empty before the first are fetched
 * @param signInExpires      when the IAM Identity Center sign-in (its access token) runs out, if known
 * @param renewalDue         the role credentials should be renewed now (they renew on the next AWS call anyway)
 * @param signInRequired     renewing failed: the user has to sign in again
 */
public record CredentialsStatus(Instant now, Optional<Instant> credentialsExpire, Optional<Instant> signInExpires, boolean renewalDue,
        boolean signInRequired) {

    /** Time left on the role credentials, never negative. */
    public Optional<Duration> timeLeft() {
        return credentialsExpire.map(e -> now.isBefore(e) ? Duration.between(now, e) : Duration.ZERO);
    }

    /** "credentials 59:12 left, renewed automatically until 18:00 UTC", or what to do. */
    public String describe() {
        if (signInRequired) {
            return "IAM Identity Center sign-in ended: sign in again";
        }
        Optional<Duration> left = timeLeft();
        if (left.isEmpty()) {
            return "credentials not fetched yet";
        }
        if (left.get().isZero()) {
            return "credentials expired: renewing…";
        }
        return "credentials " + countdown(left.get()) + " left";
    }

    /** 59:07 under an hour, 7:59:07 above. */
    public static String countdown(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
