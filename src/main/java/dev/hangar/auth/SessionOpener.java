package dev.hangar.auth;

import dev.hangar.aws.AwsClients;
import dev.hangar.aws.AwsSettings;
import java.util.function.Function;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Signs in with settings: builds the clients, resolves credentials, asks STS who they are. */
public final class SessionOpener {

    private final Function<AwsSettings, AwsClients> clients;

    /** @param clients how clients are built: {@code AwsClients::new} in the app, fixed credentials in tests */
    public SessionOpener(Function<AwsSettings, AwsClients> clients) {
        this.clients = clients;
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
            GetCallerIdentityResponse me = c.sts(region).getCallerIdentity();
            return new AwsSession(c, me.account(), me.arn());
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }
}
