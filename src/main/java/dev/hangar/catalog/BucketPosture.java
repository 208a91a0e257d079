package dev.hangar.catalog;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;

/** Reads a bucket's security settings; null means "could not read" (no permission), false means "not set". */
public final class BucketPosture {

    private BucketPosture() {
    }

    public static Boolean blocksPublicAccess(S3Client s3, String bucket) {
        try {
            var c = s3.getPublicAccessBlock(r -> r.bucket(bucket)).publicAccessBlockConfiguration();
            return Boolean.TRUE.equals(c.blockPublicAcls()) && Boolean.TRUE.equals(c.ignorePublicAcls())
                    && Boolean.TRUE.equals(c.blockPublicPolicy()) && Boolean.TRUE.equals(c.restrictPublicBuckets());
        } catch (AwsServiceException e) {
            return notSetOrUnknown(e, "NoSuchPublicAccessBlockConfiguration");
        }
    }

    /** A bucket policy that denies everyone requests with {@code aws:SecureTransport = false}: see {@link BucketPolicy}. */
    public static Boolean requiresTls(S3Client s3, String bucket) {
        try {
            return BucketPolicy.deniesPlainHttp(s3.getBucketPolicy(r -> r.bucket(bucket)).policy(), bucket);
        } catch (AwsServiceException e) {
            return notSetOrUnknown(e, "NoSuchBucketPolicy");
        }
    }

    public static Boolean hasDefaultEncryption(S3Client s3, String bucket) {
        try {
            return !s3.getBucketEncryption(r -> r.bucket(bucket)).serverSideEncryptionConfiguration().rules().isEmpty();
        } catch (AwsServiceException e) {
            return notSetOrUnknown(e, "ServerSideEncryptionConfigurationNotFoundError");
        }
    }

    private static Boolean notSetOrUnknown(AwsServiceException e, String notSetCode) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        if (notSetCode.equals(code)) {
            return false;
        }
        if (e.statusCode() == 403) {
            return null;
        }
        throw e;
    }
}
