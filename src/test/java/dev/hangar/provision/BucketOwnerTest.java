package dev.hangar.provision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 (8): the data bucket must be the account's own, or the one the spec names as its owner. */
@ExtendWith(LocalAwsExtension.class)
class BucketOwnerTest {

    private static final String THEIRS = "their-datasets";
    private static final String OTHER_ACCOUNT = "210987654321";

    @TempDir Path home;

    @Test
    void aBucketOfAnotherAccountIsRefusedBeforeAnythingIsCreated(LocalAws aws) throws Exception {
        EngineFixture f = new EngineFixture(aws, home);
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket(THEIRS));
        aws.endpoint().bucketOwnedBy(THEIRS, OTHER_ACCOUNT);
        aws.endpoint().clearRecord();

        LaunchOutcome outcome = f.launch(EngineFixture.spec().dataBucket(THEIRS).build());

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.message()).contains("dataBucket").contains("dataBucketOwner");
        assertThat(aws.endpoint().mutatingRequests()).isEmpty();
        assertThat(aws.endpoint().requests("s3", "HeadBucket")).allMatch(r -> LocalAws.ACCOUNT_ID.equals(r.header("x-amz-expected-bucket-owner")));
    }

    @Test
    void aSharedBucketNamedWithItsOwnerIsUsedAndTheGrantIsPinnedToThatAccount(LocalAws aws) throws Exception {
        EngineFixture f = new EngineFixture(aws, home);
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket(THEIRS));
        aws.endpoint().bucketOwnedBy(THEIRS, OTHER_ACCOUNT);

        LaunchOutcome outcome = f.launch(EngineFixture.spec().dataBucket(THEIRS).dataBucketOwner(OTHER_ACCOUNT).build());

        assertThat(outcome.succeeded()).as(outcome.message()).isTrue();
        String role = "hangar-" + outcome.launchId();
        String doc = URLDecoder.decode(aws.clients().iam().getRolePolicy(r -> r.roleName(role).policyName("hangar-s3-data-access"))
                .policyDocument(), StandardCharsets.UTF_8);
        assertThat(new ObjectMapper().readTree(doc).at("/Statement/0/Condition/StringEquals/aws:ResourceAccount").asText())
                .isEqualTo(OTHER_ACCOUNT);
    }
}
