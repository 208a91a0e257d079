package dev.hangar.checklist;

import java.util.List;

/** The bucket's owner's setting: Hangar reports it and does not change buckets. */
public final class BucketPublicAccessRule extends BucketSettingRule {

    public BucketPublicAccessRule() {
        super("data-bucket-blocks-public-access", "The data bucket blocks public access",
                "Datasets, checkpoints and trained models are often the valuable part. S3 Block Public Access keeps a "
                        + "mistaken bucket policy or object ACL from publishing them to the internet.",
                Severity.HIGH, List.of("S3.8", "S3.1"), AccountFacts::bucketBlocksPublicAccess, new Wording(
                        "The bucket's owner turns on all four Block Public Access settings of s3://{bucket} (S3 console > bucket > "
                                + "Permissions), or: aws s3api put-public-access-block --bucket {bucket} --public-access-block-configuration "
                                + "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
                        "whether s3://{bucket} blocks public access.",
                        "s3://{bucket} blocks public access (bucket or account settings).",
                        "s3://{bucket} does not block public access: a bucket policy or ACL could make it public.",
                        "s3://{bucket} blocks public access",
                        "s3://{bucket} does not block public access",
                        "Could not check whether s3://{bucket} blocks public access"));
    }
}
