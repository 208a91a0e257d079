package dev.hangar.catalog;

import java.util.List;
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

    private static final List<String> PUBLIC_GROUPS = List.of("http://acs.amazonaws.com/groups/global/AllUsers",
            "http://acs.amazonaws.com/groups/global/AuthenticatedUsers");

    /**
     * Whether the bucket is public now: its policy lets everyone in, or its ACL grants AllUsers or AuthenticatedUsers,
     * and Block Public Access does not override that. S3's GetBucketPolicyStatus answers for the policy where it can;
     * where it answers nothing (moto), the policy is judged here. Null: not allowed to look.
     */
    public static Boolean isPublic(S3Client s3, String bucket, Boolean blocksPublicAccess) {
        if (Boolean.TRUE.equals(blocksPublicAccess)) {
            return false;
        }
        Boolean policyPublic;
        try {
            var status = s3.getBucketPolicyStatus(r -> r.bucket(bucket)).policyStatus();
            policyPublic = status == null || status.isPublic() == null ? policyGrantsEveryone(s3, bucket) : status.isPublic();
        } catch (AwsServiceException e) {
            policyPublic = "NoSuchBucketPolicy".equals(code(e)) ? Boolean.FALSE : e.statusCode() == 403 ? null : policyGrantsEveryone(s3, bucket);
        }
        if (Boolean.TRUE.equals(policyPublic)) {
            return true;
        }
        try {
            boolean aclPublic = s3.getBucketAcl(r -> r.bucket(bucket)).grants().stream()
                    .anyMatch(g -> g.grantee() != null && g.grantee().uri() != null && PUBLIC_GROUPS.contains(g.grantee().uri()));
            return aclPublic || policyPublic == null ? (aclPublic ? Boolean.TRUE : null) : Boolean.FALSE;
        } catch (AwsServiceException e) {
            if (e.statusCode() == 403) {
                return null;
            }
            throw e;
        }
    }

    private static Boolean policyGrantsEveryone(S3Client s3, String bucket) {
        try {
            return BucketPolicy.grantsEveryone(s3.getBucketPolicy(r -> r.bucket(bucket)).policy());
        } catch (AwsServiceException e) {
            return notSetOrUnknown(e, "NoSuchBucketPolicy");
        }
    }

    private static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
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
