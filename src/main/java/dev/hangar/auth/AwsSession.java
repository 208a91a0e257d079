package dev.hangar.auth;

import dev.hangar.aws.AwsClients;

/**
 * A signed-in AWS session: the clients and who they act as. Holds no secret itself; the clients'
 * credentials provider does.
 */
public record AwsSession(AwsClients clients, String accountId, String callerArn) implements AutoCloseable {

    @Override
    public void close() {
        clients.close();
    }
}
