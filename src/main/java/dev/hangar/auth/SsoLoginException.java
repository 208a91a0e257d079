package dev.hangar.auth;

import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Signing in to IAM Identity Center did not work, or has to be done again. A client-side SDK error, so that
 * an AWS call whose credentials need a new sign-in fails like any call without credentials. Its message
 * says what happened and what to do; it never holds a token, a code or a key.
 */
public final class SsoLoginException extends SdkClientException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** No usable token (none cached, expired, refresh refused): the user has to sign in in the browser again. */
        SIGN_IN_REQUIRED,
        /** The code shown to the user ran out before it was approved. */
        EXPIRED,
        /** The user declined in the browser. */
        DENIED,
        /** The user cancelled while Hangar waited. */
        CANCELLED,
        /** The user may not use that account or role. */
        FORBIDDEN,
        /** Anything else: Identity Center could not be reached, or refused the request. */
        FAILED
    }

    private final transient Reason reason;

    private SsoLoginException(Reason reason, String message, Throwable cause) {
        super(SdkClientException.builder().message(message).cause(cause));
        this.reason = reason;
    }

    public static SsoLoginException of(Reason reason, String message) {
        return new SsoLoginException(reason, message, null);
    }

    public static SsoLoginException of(Reason reason, String message, Throwable cause) {
        return new SsoLoginException(reason, message, cause);
    }

    public static SsoLoginException signInRequired(SsoStart start) {
        return of(Reason.SIGN_IN_REQUIRED, "the IAM Identity Center sign-in for " + start.label()
                + " has ended: sign in again (in Hangar, or with: hangar login"
                + start.sessionName().map(n -> " --sso-session " + n).orElse(" --start-url " + start.startUrl() + " --sso-region " + start.region())
                + ")");
    }

    public Reason reason() {
        return reason;
    }

    /** Not retried: asking again gives the same answer until the user acts. */
    @Override
    public boolean retryable() {
        return false;
    }
}
