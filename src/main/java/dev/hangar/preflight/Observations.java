package dev.hangar.preflight;

import java.time.Instant;

/**
 * What preflight learned about the account that the security checklist judges: each field is
 * null when it could not be read (no permission, emulator without the API).
 */
public record Observations(
        String accountId,
        String callerArn,
        Boolean ebsEncryptionByDefault,
        Boolean bucketBlocksPublicAccess,
        Boolean bucketRequiresTls,
        Boolean bucketHasDefaultEncryption,
        Instant amiCreationDate,
        String amiName,
        Boolean subnetIsPublic,
        Boolean subnetInDefaultVpc) {

    public static Observations none() {
        return new Observations(null, null, null, null, null, null, null, null, null, null);
    }
}
