package dev.hangar.testing;

/**
 * What SSO OIDC's CreateToken answers for one poll of a device code, as scripted with
 * {@link FakeIdentityCenter#scriptToken(java.util.List)}.
 */
public enum TokenOutcome {
    /** 400 AuthorizationPendingException ({@code authorization_pending}): the user has not approved yet. */
    PENDING,
    /** 400 SlowDownException ({@code slow_down}): poll less often. */
    SLOW_DOWN,
    /** 400 ExpiredTokenException ({@code expired_token}): the device code ran out. */
    EXPIRED,
    /** 400 AccessDeniedException ({@code access_denied}): the user declined. */
    DENIED,
    /** 200 with accessToken, tokenType Bearer, expiresIn, refreshToken. */
    SUCCESS
}
