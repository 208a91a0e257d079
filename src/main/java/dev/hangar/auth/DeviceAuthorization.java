package dev.hangar.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * What the user needs to approve a sign-in: the page to open and the code it must show. Neither is a
 * secret (the code only confirms that the page belongs to this sign-in); the device code, which is, stays
 * inside {@link IdentityCenter}.
 *
 * @param verificationUriComplete the page with the code filled in: the one to open
 * @param expiresAt               when the code stops working
 * @param interval                how long to wait between polls, as Identity Center asked
 */
public record DeviceAuthorization(String userCode, String verificationUri, String verificationUriComplete, Instant expiresAt,
        Duration interval) {

    /** The page to open: the one with the code filled in, when Identity Center gave one. */
    public String urlToOpen() {
        return verificationUriComplete != null && !verificationUriComplete.isBlank() ? verificationUriComplete : verificationUri;
    }
}
