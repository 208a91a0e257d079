package dev.hangar.checklist;

import java.util.List;

/** The instance role already refuses plain HTTP; the bucket policy protects the data from every other client too. */
public final class BucketRequiresTlsRule extends BucketSettingRule {

    public BucketRequiresTlsRule() {
        super("data-bucket-requires-tls", "The data bucket refuses plain HTTP",
                "Data sent without TLS can be read or changed on the way. Hangar's role already refuses plain HTTP to the "
                        + "bucket; a bucket policy does the same for every other client.",
                Severity.MEDIUM, List.of("S3.5"), AccountFacts::bucketRequiresTls, new Wording(
                        "The bucket's owner adds to the bucket policy of s3://{bucket} a statement that denies "
                                + "s3:* on the bucket and its objects when aws:SecureTransport is false.",
                        "whether the bucket policy of s3://{bucket} requires TLS.",
                        "The bucket policy of s3://{bucket} denies requests without TLS.",
                        "The bucket policy of s3://{bucket} does not deny requests without TLS. Hangar's role uses TLS "
                                + "anyway; other clients may not.",
                        "s3://{bucket} refuses plain HTTP",
                        "s3://{bucket} accepts plain HTTP from other clients",
                        "Could not check whether s3://{bucket} requires TLS"));
    }
}
