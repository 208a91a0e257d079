package dev.hangar.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The credentials of one role in one account, from IAM Identity Center. They last an hour or so; shortly
 * before they run out the next AWS call fetches new ones with the cached token (refreshed with its refresh
 * token when that has run out too), so long work such as a launch goes on across renewals: the SDK asks
 * for credentials on every request. When no token can be had, {@link #status()} says so and the current
 * credentials are used until they expire (renewal is tried again every 15 s meanwhile); only then does a
 * call fail, with {@link SsoLoginException} (SIGN_IN_REQUIRED).
 */
public final class IdentityCenterCredentials implements AwsCredentialsProvider {

    /** Renew this long before the end at most; credentials that last less are renewed after four fifths of their life. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);
    /** After a failed renewal, credentials that still work are used this long before the next try. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(15);

    private final IdentityCenter center;
    private final SsoStart start;
    private final String accountId;
    private final String roleName;
    private final Object lock = new Object();
    private final AtomicInteger fetched = new AtomicInteger();
    private volatile AwsSessionCredentials current;
    private volatile Instant obtainedAt;
    private volatile Instant signInExpires;
    private volatile boolean signInRequired;
    private Instant retryAfter;

    public IdentityCenterCredentials(IdentityCenter center, SsoStart start, String accountId, String roleName) {
        this.center = center;
        this.start = start;
        this.accountId = accountId;
        this.roleName = roleName;
    }

    public SsoStart start() {
        return start;
    }

    public String accountId() {
        return accountId;
    }

    public String roleName() {
        return roleName;
    }

    public IdentityCenter center() {
        return center;
    }

    /** How many times role credentials were fetched (GetRoleCredentials). */
    public int fetchCount() {
        return fetched.get();
    }

    @Override
    public AwsCredentials resolveCredentials() {
        AwsSessionCredentials c = current;
        if (c != null && !due(c, center.clock().instant())) {
            return c;
        }
        synchronized (lock) {
            c = current;
            Instant now = center.clock().instant();
            if (c != null && !due(c, now)) {
                return c;
            }
            if (c != null && stillValid(c, now) && retryAfter != null && now.isBefore(retryAfter)) {
                return c; // renewing failed a moment ago: not on every request
            }
            try {
                AwsSessionCredentials fresh = center.roleCredentials(start, accountId, roleName);
                obtainedAt = now;
                current = fresh;
                signInExpires = center.cache().load(start).map(SsoToken::expiresAt).orElse(null);
                signInRequired = false;
                retryAfter = null;
                fetched.incrementAndGet();
                return fresh;
            } catch (SsoLoginException e) {
                if (e.reason() == SsoLoginException.Reason.SIGN_IN_REQUIRED) {
                    signInRequired = true;
                }
                // Credentials that have not expired yet still work: the user has until then to sign in again.
                if (c != null && stillValid(c, now)) {
                    retryAfter = now.plus(RETRY_AFTER_FAILURE);
                    return c;
                }
                throw e;
            }
        }
    }

    /** Where the credentials stand; never calls AWS, so the UI thread may ask every second. */
    public CredentialsStatus status() {
        Instant now = center.clock().instant();
        AwsSessionCredentials c = current;
        Optional<Instant> expires = c == null ? Optional.empty() : c.expirationTime();
        return new CredentialsStatus(now, expires, Optional.ofNullable(signInExpires), c == null || due(c, now), signInRequired);
    }

    private static boolean stillValid(AwsSessionCredentials c, Instant now) {
        return c.expirationTime().map(now::isBefore).orElse(true);
    }

    private boolean due(AwsSessionCredentials c, Instant now) {
        Optional<Instant> expires = c.expirationTime();
        if (expires.isEmpty()) {
            return false;
        }
        Instant since = obtainedAt == null ? now : obtainedAt;
        Duration life = Duration.between(since, expires.get());
        Duration margin = life.dividedBy(5).compareTo(RENEW_BEFORE) < 0 ? life.dividedBy(5) : RENEW_BEFORE;
        return !now.isBefore(expires.get().minus(margin));
    }

    @Override
    public String toString() {
        return "IdentityCenterCredentials[" + start.label() + ", account " + accountId + ", role " + roleName + "]";
    }
}
