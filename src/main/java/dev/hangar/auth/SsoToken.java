package dev.hangar.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * One cached IAM Identity Center sign-in, field for field what the AWS CLI v2 keeps in
 * {@code ~/.aws/sso/cache/<sha1>.json}. The access token, the client secret and the refresh token are
 * secrets: {@link #toString()} leaves them out, and nothing but the cache file may hold them.
 *
 * @param registrationExpiresAt when the OIDC client registration (clientId/clientSecret) runs out; null if unknown
 */
public record SsoToken(String startUrl, String region, String accessToken, Instant expiresAt, String clientId,
        String clientSecret, Instant registrationExpiresAt, String refreshToken) {

    /** Renew a token this close to its end first, as the CLI and the SDK do, rather than fail in the middle of a call. */
    public static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    public SsoToken {
        if (accessToken == null || accessToken.isBlank() || expiresAt == null) {
            throw new IllegalArgumentException("a cached token needs accessToken and expiresAt");
        }
    }

    /** Usable at {@code now}: not expired. */
    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** Usable, and not so close to its end that it should be refreshed first. */
    public boolean isFreshAt(Instant now) {
        return now.plus(RENEW_BEFORE).isBefore(expiresAt);
    }

    /** Has what CreateToken needs for the refresh_token grant, with a registration that has not run out. */
    public boolean canRefreshAt(Instant now) {
        return present(refreshToken) && present(clientId) && present(clientSecret)
                && (registrationExpiresAt == null || now.isBefore(registrationExpiresAt));
    }

    /** The registration, when it can be reused for another sign-in (it has at least an hour to go). */
    public boolean hasRegistrationAt(Instant now) {
        return present(clientId) && present(clientSecret) && registrationExpiresAt != null
                && now.plus(Duration.ofHours(1)).isBefore(registrationExpiresAt);
    }

    @Override
    public String toString() {
        return "SsoToken[startUrl=" + startUrl + ", region=" + region + ", expiresAt=" + expiresAt
                + ", registrationExpiresAt=" + registrationExpiresAt + ", refreshable=" + present(refreshToken) + "]";
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
