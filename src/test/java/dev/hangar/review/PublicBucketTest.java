package dev.hangar.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.catalog.CatalogCache;
import dev.hangar.catalog.CatalogService;
import dev.hangar.checklist.Finding;
import dev.hangar.checklist.Status;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;

/** Issue 15 (7): a data bucket that is public fails the review and blocks Launch; one that merely could be only warns. */
@ExtendWith(LocalAwsExtension.class)
class PublicBucketTest {

    private static final String BUCKET = "shared-datasets";

    @TempDir Path home;
    private LocalAws aws;

    @BeforeEach
    void bucket(LocalAws aws) {
        this.aws = aws;
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket(BUCKET));
    }

    private LaunchReview review() {
        Clock clock = Clock.systemUTC();
        LaunchSpec spec = LaunchSpec.builder().name("llama").region(LocalAws.REGION).amiId(Fixtures.PYTORCH_UBUNTU_AMI)
                .instanceType("g5.xlarge").dataBucket(BUCKET).build();
        return new Reviewer(Optional.of(aws.clients()), new CatalogService(Optional.of(aws.clients()), new CatalogCache(home, clock), clock), clock)
                .review(spec);
    }

    private static Finding publicFinding(LaunchReview r) {
        return r.checklist().findings().stream().filter(f -> f.ruleId().equals("data-bucket-not-public")).findFirst().orElseThrow();
    }

    @Test
    void aPolicyThatLetsEveryoneReadFailsAndBlocksLaunch() {
        aws.clients().s3(LocalAws.REGION).putBucketPolicy(p -> p.bucket(BUCKET).policy("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + BUCKET + "/*\"}]}"));

        LaunchReview r = review();

        assertThat(publicFinding(r).status()).isEqualTo(Status.FAIL);
        assertThat(publicFinding(r).controls()).contains("S3.2", "S3.8");
        assertThat(r.launchable()).isFalse();
    }

    @Test
    void anAclGrantToAllUsersFails() {
        aws.clients().s3(LocalAws.REGION).putBucketAcl(p -> p.bucket(BUCKET).acl(BucketCannedACL.PUBLIC_READ_WRITE));

        assertThat(publicFinding(review()).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aPrivateBucketPasses() {
        assertThat(publicFinding(review()).status()).isEqualTo(Status.PASS);
    }
}
