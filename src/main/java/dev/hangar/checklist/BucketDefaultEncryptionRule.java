package dev.hangar.checklist;

import java.util.List;

/** Since January 2023 S3 encrypts every new object (SSE-S3), so this is mostly about older objects or a KMS key of your own. */
public final class BucketDefaultEncryptionRule extends BucketSettingRule {

    public BucketDefaultEncryptionRule() {
        super("data-bucket-default-encryption", "The data bucket encrypts objects by default",
                "Objects should be encrypted at rest. S3 has encrypted every new object with SSE-S3 by default since "
                        + "January 2023; a bucket setting of your own matters for older objects, or to use your own KMS key.",
                Severity.LOW, List.of("S3.4"), AccountFacts::bucketHasDefaultEncryption, new Wording(
                        "The bucket's owner sets default encryption on s3://{bucket} (SSE-S3, or SSE-KMS for a key of your own): "
                                + "aws s3api put-bucket-encryption --bucket {bucket} --server-side-encryption-configuration "
                                + "'{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":{\"SSEAlgorithm\":\"AES256\"}}]}'",
                        "the default encryption of s3://{bucket}. S3 encrypts new objects with SSE-S3 anyway (since January 2023).",
                        "s3://{bucket} has default encryption.",
                        "s3://{bucket} reports no default encryption. S3 still encrypts new objects with SSE-S3 "
                                + "(since January 2023); objects written before then may be unencrypted.",
                        "s3://{bucket} encrypts objects by default",
                        "s3://{bucket} has no default encryption setting",
                        "Could not check the default encryption of s3://{bucket}"));
    }
}
