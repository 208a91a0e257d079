package dev.hangar.blueprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Names of what a launch creates, all derived from its launch ID ({@code <spec name>-<6 hex>}) so
 * that a crashed launch's resources can be found again: IAM names are {@code hangar-<launch id>}.
 */
public record LaunchNames(String launchId) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_CLIENT_TOKEN = 64;

    public static LaunchNames fresh(String specName) {
        byte[] b = new byte[3];
        RANDOM.nextBytes(b);
        return new LaunchNames(specName + "-" + HexFormat.of().formatHex(b));
    }

    public String iamName() {
        return "hangar-" + launchId;
    }

    public String roleName() {
        return iamName();
    }

    public String instanceProfileName() {
        return iamName();
    }

    public String securityGroupName() {
        return iamName();
    }

    public String dataPolicyName() {
        return "hangar-s3-data-access";
    }

    public String agentPolicyName() {
        return "hangar-cloudwatch-agent";
    }

    /** The launch's Session Manager document ({@link SessionModel}); SSM refuses names that start with "aws" or "amazon". */
    public String sessionDocumentName() {
        return iamName() + "-shell";
    }

    public String idleAlarmName() {
        return iamName() + "-idle-stop";
    }

    /**
     * The RunInstances idempotency token: the same for a retried call, so AWS cannot start a second
     * instance; a new one per availability zone tried, since AWS refuses a token reused with other parameters.
     */
    public String instanceClientToken(String availabilityZone) {
        return clientToken(launchId + "-" + availabilityZone);
    }

    public String volumeClientToken(String availabilityZone) {
        return clientToken(launchId + "-data-" + availabilityZone);
    }

    /**
     * The idempotency token of a part of Hangar's shared network this launch creates (a route table, the NAT gateway, an
     * endpoint): the same when the launch retries or resumes, another for every launch, so no launch is handed a part
     * another launch created and then removed.
     */
    public String networkClientToken(String part) {
        return clientToken(launchId + "-net-" + part);
    }

    /** EC2 takes at most 64 ASCII characters: a longer token keeps its start and ends in a hash of the whole. */
    private static String clientToken(String token) {
        if (token.length() <= MAX_CLIENT_TOKEN) {
            return token;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            String suffix = "-" + HexFormat.of().formatHex(hash, 0, 8);
            return token.substring(0, MAX_CLIENT_TOKEN - suffix.length()) + suffix;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
