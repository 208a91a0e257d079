package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.spec.LaunchSpec;

/** The instance role already refuses plain HTTP; the bucket policy protects the data from every other client too. */
public final class BucketRequiresTlsRule extends BaseRule {

    public BucketRequiresTlsRule() {
        super("data-bucket-requires-tls", "The data bucket refuses plain HTTP",
                "Data sent without TLS can be read or changed on the way. Hangar's role already refuses plain HTTP to the "
                        + "bucket; a bucket policy does the same for every other client.",
                Severity.MEDIUM, "S3.5");
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        LaunchSpec spec = blueprint.spec();
        String bucket = spec.dataBucket();
        Fix fix = Fix.manual("The bucket's owner adds to the bucket policy of s3://" + bucket + " a statement that denies "
                + "s3:* on the bucket and its objects when aws:SecureTransport is false.");
        if (facts.bucketRequiresTls() == null) {
            return couldNotCheck("whether the bucket policy of s3://" + bucket + " requires TLS.", fix);
        }
        return facts.bucketRequiresTls()
                ? pass("The bucket policy of s3://" + bucket + " denies requests without TLS.")
                : warn("The bucket policy of s3://" + bucket + " does not deny requests without TLS. Hangar's role uses TLS "
                        + "anyway; other clients may not.", fix);
    }
}
