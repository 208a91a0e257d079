package dev.hangar.catalog;

import dev.hangar.aws.AwsClients;
import java.util.List;
import software.amazon.awssdk.services.s3.model.Bucket;

/** The account's S3 buckets and each one's security posture. */
public final class BucketCatalog {

    private final AwsClients aws;

    public BucketCatalog(AwsClients aws) {
        this.aws = aws;
    }

    /** ListBuckets is global; the region only picks the endpoint. */
    public List<String> names(String region) {
        return aws.s3(region).listBuckets().buckets().stream().map(Bucket::name).sorted().toList();
    }

    public BucketSecurity security(String region, String bucket) {
        var s3 = aws.s3(region);
        return new BucketSecurity(BucketPosture.blocksPublicAccess(s3, bucket), BucketPosture.requiresTls(s3, bucket),
                BucketPosture.hasDefaultEncryption(s3, bucket));
    }
}
