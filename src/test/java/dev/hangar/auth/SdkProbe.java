package dev.hangar.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Run in a JVM of its own (HOME, AWS_CONFIG_FILE and AWS_ENDPOINT_URL set by the test): resolves a profile's
 * credentials with nothing but the SDK's own ProfileCredentialsProvider, which reads ~/.aws/sso/cache as the
 * AWS CLI does, and asks STS who they are. Prints no secret: the access key ID only as a hash.
 */
public final class SdkProbe {

    private SdkProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (ProfileCredentialsProvider provider = ProfileCredentialsProvider.create(args[0]);
                StsClient sts = StsClient.builder().region(Region.US_EAST_1).credentialsProvider(provider).build()) {
            AwsCredentials c = provider.resolveCredentials();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.accessKeyId().getBytes(StandardCharsets.UTF_8)));
            System.out.println("keyHash=" + hash);
            System.out.println("expires=" + (c instanceof AwsSessionCredentials s ? s.expirationTime().map(Object::toString).orElse("-") : "-"));
            System.out.println("account=" + sts.getCallerIdentity().account());
        }
    }
}
