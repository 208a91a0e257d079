package dev.hangar.connect;

import dev.hangar.aws.AwsClients;
import software.amazon.awssdk.services.ec2instanceconnect.model.SendSshPublicKeyResponse;

/**
 * EC2 Instance Connect: SendSSHPublicKey puts a public key in the instance's metadata, where its sshd accepts it
 * for 60 seconds. The caller needs {@code ec2-instance-connect:SendSSHPublicKey}; the instance's role needs nothing.
 */
public final class InstanceConnect {

    private InstanceConnect() {
    }

    /**
     * Lets {@code key} log in to the target as its login user for the next 60 seconds.
     *
     * @throws IllegalStateException when AWS answers without success
     */
    public static void pushKey(AwsClients aws, SshTarget target, EphemeralSshKey key) {
        SendSshPublicKeyResponse answer = aws.ec2InstanceConnect(target.region()).sendSSHPublicKey(r -> r
                .instanceId(target.instanceId())
                .instanceOSUser(target.loginUser())
                .sshPublicKey(key.publicKey())
                .availabilityZone(target.availabilityZone()));
        if (!Boolean.TRUE.equals(answer.success())) {
            throw new IllegalStateException("EC2 Instance Connect did not accept the key for " + target.instanceId()
                    + " (request " + answer.requestId() + ")");
        }
    }
}
