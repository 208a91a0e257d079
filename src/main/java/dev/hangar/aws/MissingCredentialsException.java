package dev.hangar.aws;

/** No usable AWS credentials; the message says where Hangar looked and how to fix it, never any secret. */
public final class MissingCredentialsException extends RuntimeException {

    public MissingCredentialsException(String message) {
        super(message);
    }
}
