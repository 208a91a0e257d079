package dev.hangar.provision;

import dev.hangar.blueprint.LaunchNames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.LaunchState;
import dev.hangar.journal.ResourceRecord;
import dev.hangar.testing.Fault;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Volume;

/** Destroy, rollback after permanent failures, zone failover, and the wait for IAM propagation. */
@ExtendWith(LocalAwsExtension.class)
class FailureAndCleanupTest {

    @TempDir Path home;
    private EngineFixture f;

    @BeforeEach
    void setUp(LocalAws aws) {
        f = new EngineFixture(aws, home);
    }

    @Test
    void destroyLeavesNothingTaggedWithTheLaunch() throws Exception {
        LaunchOutcome launched = f.launch(EngineFixture.spec().build());
        assertThat(launched.succeeded()).isTrue();

        LaunchOutcome destroyed = f.launcher.destroy(f.journal.load(launched.launchId()).orElseThrow(), false, f.events::add);

        assertThat(destroyed.state()).isEqualTo(LaunchState.DESTROYED);
        f.assertNothingLeft(launched.launchId());
        LaunchRecord record = f.journal.load(launched.launchId()).orElseThrow();
        assertThat(record.state()).isEqualTo(LaunchState.DESTROYED);
        assertThat(record.resources()).allMatch(r -> r.state().equals(ResourceRecord.DELETED));
    }

    @Test
    void destroyCanKeepTheDataVolumeDetached() throws Exception {
        LaunchOutcome launched = f.launch(EngineFixture.spec().build());
        f.launcher.destroy(f.journal.load(launched.launchId()).orElseThrow(), true, f.events::add);

        assertThat(f.volumesTagged(launched.launchId())).singleElement().satisfies(v -> {
            assertThat(v.volumeId()).isEqualTo(launched.outputs().get("dataVolumeId"));
            assertThat(v.stateAsString()).isEqualTo("available");
            assertThat(v.attachments()).isEmpty();
        });
        assertThat(f.liveInstancesTagged(launched.launchId())).isEmpty();
        assertThat(f.roleExists(new LaunchNames(launched.launchId()).roleName())).isFalse();
        assertThat(f.journal.load(launched.launchId()).orElseThrow().resources())
                .filteredOn(r -> r.type().equals("volume")).extracting(ResourceRecord::state).containsExactly(ResourceRecord.KEPT);
    }

    @Test
    void aFailedSessionDocumentRollsBackAndAnAnswerLostAfterItWasMadeIsCleanedUp() throws Exception {
        // The answer is lost after the document was made: the rollback must find it by name and remove it.
        f.aws.endpoint().inject(Fault.on("ssm", "CreateDocument").always().responseLost());

        LaunchOutcome outcome = f.launch(EngineFixture.spec().build());

        assertThat(outcome.state()).isEqualTo(LaunchState.ROLLED_BACK);
        assertThat(outcome.failedStep()).isEqualTo("create-session-document");
        f.assertNothingLeft(outcome.launchId());
    }

    @Test
    void aPermanentFailureAtRunInstancesRollsEverythingBack() throws Exception {
        f.aws.endpoint().inject(Fault.on("ec2", "RunInstances").always().where("DryRun", null)
                .error(400, "InvalidParameterCombination", "The parameter combination is not supported"));

        LaunchOutcome outcome = f.launch(EngineFixture.spec().build());

        assertThat(outcome.state()).isEqualTo(LaunchState.ROLLED_BACK);
        assertThat(outcome.failedStep()).isEqualTo("run-instance");
        assertThat(outcome.message()).contains("InvalidParameterCombination").contains("everything it created was removed");
        f.assertNothingLeft(outcome.launchId());
        LaunchRecord record = f.journal.load(outcome.launchId()).orElseThrow();
        assertThat(record.state()).isEqualTo(LaunchState.ROLLED_BACK);
        assertThat(record.resources()).isNotEmpty().allMatch(r -> r.state().equals(ResourceRecord.DELETED));
        assertThat(f.events).anyMatch(e -> e instanceof LaunchEvent.RollbackStarted)
                .anyMatch(e -> e instanceof LaunchEvent.ResourceRemoved r && r.type().equals("iam-role"));
    }

    @Test
    void aPermanentFailureAtAttachVolumeRemovesTheInstanceAndVolumeToo() throws Exception {
        f.aws.endpoint().inject(Fault.on("ec2", "AttachVolume").always().error(400, "VolumeInUse", "vol is already attached to an instance"));

        LaunchOutcome outcome = f.launch(EngineFixture.spec().build());

        assertThat(outcome.state()).isEqualTo(LaunchState.ROLLED_BACK);
        assertThat(outcome.failedStep()).isEqualTo("attach-data-volume");
        f.assertNothingLeft(outcome.launchId());
        assertThat(f.aws.endpoint().count("ec2", "TerminateInstances")).isEqualTo(1);
        assertThat(f.aws.endpoint().count("ec2", "DeleteVolume")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void noCapacityInTheFirstZoneMovesInstanceAndVolumeToAnother() throws Exception {
        Fault ice = f.aws.endpoint().inject(Fault.on("ec2", "RunInstances").always().where("Placement.AvailabilityZone", "us-east-1a")
                .error(500, "InsufficientInstanceCapacity", "We currently do not have sufficient g5.xlarge capacity in the Availability Zone you requested "
                        + "(us-east-1a). Our system will be working on provisioning additional capacity. You can currently get g5.xlarge capacity by "
                        + "not specifying an Availability Zone in your request or choosing us-east-1c, us-east-1b."));

        LaunchOutcome outcome = f.launch(EngineFixture.spec().build());

        assertThat(outcome.succeeded()).isTrue();
        assertThat(ice.fired()).isGreaterThanOrEqualTo(1);
        // AWS's suggestion comes first: us-east-1c before us-east-1b.
        assertThat(outcome.outputs().get("availabilityZone")).isEqualTo("us-east-1c");
        assertThat(f.instance(outcome.outputs().get("instanceId")).placement().availabilityZone()).isEqualTo("us-east-1c");
        Volume data = f.aws.clients().ec2(LocalAws.REGION).describeVolumes(r -> r.volumeIds(outcome.outputs().get("dataVolumeId"))).volumes().get(0);
        assertThat(data.availabilityZone()).isEqualTo("us-east-1c");
        assertThat(f.liveInstancesTagged(outcome.launchId())).hasSize(1);
        assertThat(f.journal.load(outcome.launchId()).orElseThrow().resources()).filteredOn(r -> r.type().equals("instance"))
                .extracting(ResourceRecord::state).containsExactly(ResourceRecord.DELETED, ResourceRecord.CREATED);
    }

    @Test
    void aPinnedZoneWithoutCapacityFailsWithoutTryingOthers() throws Exception {
        f.aws.endpoint().inject(Fault.on("ec2", "RunInstances").always()
                .error(500, "InsufficientInstanceCapacity", "We currently do not have sufficient g5.xlarge capacity in us-east-1b."));

        LaunchOutcome outcome = f.launch(EngineFixture.spec().availabilityZone("us-east-1b").build());

        assertThat(outcome.state()).isEqualTo(LaunchState.ROLLED_BACK);
        assertThat(outcome.message()).contains("no g5.xlarge capacity");
        assertThat(f.aws.endpoint().requests("ec2", "RunInstances")).allMatch(r -> "us-east-1b".equals(r.param("Placement.AvailabilityZone")));
        f.assertNothingLeft(outcome.launchId());
    }

    @Test
    void theLaunchWaitsWhileIamPropagatesTheInstanceProfile() throws Exception {
        Fault notYet = f.aws.endpoint().inject(Fault.on("ec2", "RunInstances").times(3).error(400, "InvalidParameterValue",
                "Value (hangar-x) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name"));

        LaunchOutcome outcome = f.launch(EngineFixture.spec().build());

        assertThat(outcome.succeeded()).isTrue();
        assertThat(notYet.fired()).isEqualTo(3);
        assertThat(f.aws.endpoint().requests("ec2", "RunInstances")).anyMatch(r -> r.isDryRun());
        assertThat(f.liveInstancesTagged(outcome.launchId())).hasSize(1);
        assertThat(f.events).anyMatch(e -> e instanceof LaunchEvent.StepWaiting w && w.message().contains("IAM is propagating"));
    }

    @Test
    void aBucketThatDoesNotExistFailsBeforeAnythingIsCreated() throws Exception {
        LaunchOutcome outcome = f.launch(EngineFixture.spec().dataBucket("no-such-bucket-here").build());

        assertThat(outcome.state()).isEqualTo(LaunchState.ROLLED_BACK);
        assertThat(outcome.message()).contains("dataBucket: bucket no-such-bucket-here does not exist").contains("nothing was created");
        assertThat(f.aws.endpoint().mutatingRequests()).isEmpty();
    }

    @Test
    void anImageThatDoesNotExistFailsBeforeAnythingIsCreated() throws Exception {
        LaunchOutcome outcome = f.launch(EngineFixture.spec().amiId("ami-0000000000000dead").build());

        assertThat(outcome.message()).contains("amiId: image ami-0000000000000dead does not exist");
        assertThat(f.aws.endpoint().mutatingRequests()).isEmpty();
    }

    @Test
    void cancellingRollsBackWhatWasCreated() throws Exception {
        f.aws.endpoint().inject(Fault.on("ec2", "RunInstances").times(50).error(400, "InvalidParameterValue",
                "Invalid IAM Instance Profile name"));
        Launch launch = f.launcher.prepare(EngineFixture.spec().build(), f.events::add);
        Thread canceller = new Thread(() -> {
            while (f.events.stream().noneMatch(e -> e instanceof LaunchEvent.StepWaiting)) {
                Thread.onSpinWait();
            }
            launch.cancel();
        });
        canceller.start();
        LaunchOutcome outcome = launch.run();
        assertThat(outcome.state()).isEqualTo(LaunchState.ROLLED_BACK);
        assertThat(outcome.message()).contains("cancelled");
        f.assertNothingLeft(outcome.launchId());
    }

    /** Issue 15 (9): a boundary the organisation requires is checked before anything exists. */
    @Test
    void aPermissionsBoundaryThatDoesNotExistFailsBeforeAnythingIsCreated() throws Exception {
        LaunchOutcome outcome = f.launch(EngineFixture.spec().permissionsBoundaryArn("arn:aws:iam::123456789012:policy/no-such-boundary").build());

        assertThat(outcome.message()).contains("permissionsBoundaryArn: policy arn:aws:iam::123456789012:policy/no-such-boundary does not exist");
        assertThat(f.aws.endpoint().mutatingRequests()).isEmpty();
    }
}
