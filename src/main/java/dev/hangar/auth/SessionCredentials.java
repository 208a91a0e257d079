package dev.hangar.auth;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The credentials provider a session's clients are built with: it hands every request to whichever
 * provider it holds now, so that signing in again swaps the credentials under clients that stay, and with
 * them everything built on those clients (the wizard's state, a launch in progress).
 */
public final class SessionCredentials implements AwsCredentialsProvider {

    private final AtomicReference<AwsCredentialsProvider> delegate;

    public SessionCredentials(AwsCredentialsProvider initial) {
        this.delegate = new AtomicReference<>(initial);
    }

    /** Before the first sign-in: every call fails with SIGN_IN_REQUIRED. */
    public static SessionCredentials signedOut() {
        return new SessionCredentials(() -> {
            throw SsoLoginException.of(SsoLoginException.Reason.SIGN_IN_REQUIRED, "not signed in yet");
        });
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return delegate.get().resolveCredentials();
    }

    public AwsCredentialsProvider current() {
        return delegate.get();
    }

    /** From the next request on, credentials come from {@code next}. */
    public void swap(AwsCredentialsProvider next) {
        delegate.set(next);
    }

    /** The IAM Identity Center credentials held now, if that is where they come from. */
    public Optional<IdentityCenterCredentials> identityCenter() {
        return delegate.get() instanceof IdentityCenterCredentials ic ? Optional.of(ic) : Optional.empty();
    }

    @Override
    public String toString() {
        return "SessionCredentials[" + delegate.get() + "]";
    }
}
