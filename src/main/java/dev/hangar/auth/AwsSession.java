package dev.hangar.auth;

import dev.hangar.aws.AwsClients;
import java.util.Optional;

/**
 * A signed-in AWS session: the clients and who they act as. Holds no secret itself; the clients'
 * credentials provider does. For an IAM Identity Center sign-in that provider is a
 * {@link SessionCredentials}, whose credentials can be renewed or replaced (sign in again) while the
 * session and everything using its clients stay.
 */
public record AwsSession(AwsClients clients, String accountId, String callerArn) implements AutoCloseable {

    /** The swappable credentials, when the session was opened with them. */
    public Optional<SessionCredentials> sessionCredentials() {
        return clients.credentials() instanceof SessionCredentials s ? Optional.of(s) : Optional.empty();
    }

    /** The IAM Identity Center credentials the session uses now, if it signed in that way. */
    public Optional<IdentityCenterCredentials> identityCenter() {
        return sessionCredentials().flatMap(SessionCredentials::identityCenter);
    }

    @Override
    public void close() {
        clients.close();
    }
}
