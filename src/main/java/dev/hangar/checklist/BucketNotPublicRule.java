package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;

/** A bucket that is public now publishes the datasets and checkpoints the instance writes: it blocks the launch. */
public final class BucketNotPublicRule extends BaseRule {

    public BucketNotPublicRule() {
        super("data-bucket-not-public", "The data bucket is not public",
                "A bucket whose policy or ACL lets anyone in publishes every dataset, checkpoint and model the instance "
                        + "reads or writes there. Launching against it would put the results on the internet.",
                Severity.CRITICAL, "S3.2", "S3.3", "S3.8");
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        String bucket = blueprint.spec().dataBucket();
        Fix fix = Fix.manual("The bucket's owner removes the public grant of s3://" + bucket + " (the policy statement with "
                + "Principal \"*\", or the AllUsers/AuthenticatedUsers ACL grant) and turns on Block Public Access: "
                + "aws s3api put-public-access-block --bucket " + bucket + " --public-access-block-configuration "
                + "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true");
        if (facts.bucketIsPublic() == null) {
            return couldNotCheck("Could not check whether s3://" + bucket + " is public",
                    "whether s3://" + bucket + " is public now.", fix);
        }
        return facts.bucketIsPublic()
                ? fail("s3://" + bucket + " is public",
                        "s3://" + bucket + " is public: its bucket policy or ACL lets anyone on the internet in.", fix)
                : pass("s3://" + bucket + " is not public", "Neither the policy nor the ACL of s3://" + bucket + " lets the public in.");
    }
}
