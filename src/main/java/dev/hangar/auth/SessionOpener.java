package dev.hangar.auth;

import dev.hangar.aws.AwsClients;
import dev.hangar.aws.AwsSettings;
import java.util.function.BiFunction;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Signs in with settings: builds the clients, resolves credentials, asks STS who they are. */
public final class SessionOpener {

    private final Function<AwsSettings, AwsClients> clients;
    private final BiFunction<AwsSettings, AwsCredentialsProvider, AwsClients> clientsWithCredentials;

    /** @param clients how clients are built: {@code AwsClients::new} in the app, fixed credentials in tests */
    public SessionOpener(Function<AwsSettings, AwsClients> clients) {
        this(clients, AwsClients::new);
    }

    /**
     * @param clientsWithCredentials how clients with given credentials are built (an IAM Identity Center
     *                               sign-in): {@code AwsClients::new}
     */
    public SessionOpener(Function<AwsSettings, AwsClients> clients, BiFunction<AwsSettings, AwsCredentialsProvider, AwsClients> clientsWithCredentials) {
        this.clients = clients;
        this.clientsWithCredentials = clientsWithCredentials;
    }

    /**
     * @param region the region whose STS endpoint answers
     * @throws dev.hangar.aws.MissingCredentialsException when no credentials are found
     * @throws software.amazon.awssdk.core.exception.SdkException when AWS refuses them or cannot be reached
     */
    public AwsSession open(AwsSettings settings, String region) {
        AwsClients c = clients.apply(settings);
        try {
            c.requireCredentials();
            return identify(c, region);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * Clients whose credentials can be swapped later: for IAM Identity Center, whose OIDC and portal calls
     * need no credentials, so the clients exist before the sign-in that gives them credentials.
     */
    public AwsClients clients(AwsSettings settings, SessionCredentials credentials) {
        return clientsWithCredentials.apply(settings, credentials);
    }

    /**
     * A session on clients that already have their credentials; the clients are not closed if this fails.
     *
     * @throws software.amazon.awssdk.core.exception.SdkException when AWS refuses them or cannot be reached
     */
    public AwsSession open(AwsClients clients, String region) {
        return identify(clients, region);
    }

    private static AwsSession identify(AwsClients c, String region) {
        GetCallerIdentityResponse me = c.sts(region).getCallerIdentity();
        return new AwsSession(c, me.account(), me.arn());
    }
}
