package dev.hangar.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.LaunchState;
import dev.hangar.provision.LaunchEvent;
import dev.hangar.provision.LaunchOutcome;
import dev.hangar.blueprint.LaunchTags;
import dev.hangar.journal.LaunchBusyException;
import dev.hangar.journal.LaunchLock;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotState;

/** Stop, start, reboot and destroy with a snapshot, against the local endpoint, and what the journal says afterwards. */
@ExtendWith(LocalAwsExtension.class)
class InstanceActionsTest {

    @TempDir Path home;
    private MonitorFixture f;
    private LocalAws aws;
    private String launchId;
    private String instanceId;

    @BeforeEach
    void launch(LocalAws aws) throws Exception {
        this.aws = aws;
        f = new MonitorFixture(aws, home);
        LaunchOutcome outcome = f.launch(MonitorFixture.spec().build());
        launchId = outcome.launchId();
        instanceId = outcome.outputs().get("instanceId");
        f.events.clear();
        aws.endpoint().clearRecord();
    }

    private LaunchRecord journal() {
        return f.journal.load(launchId).orElseThrow();
    }

    private MonitoredInstance row() {
        return f.monitor.refresh(MonitorQuery.all()).launch(launchId).orElseThrow();
    }

    @Test
    void stopAndStartChangeTheStateAndTheJournalRecordsThem() {
        ActionOutcome stopped = f.actions.stop(launchId, f.events::add);

        assertThat(stopped.succeeded()).as(stopped.message()).isTrue();
        assertThat(stopped.instanceState()).isEqualTo("stopped");
        assertThat(aws.endpoint().count("ec2", "StopInstances")).isEqualTo(1);
        MonitoredInstance row = row();
        assertThat(row.instanceState()).isEqualTo("stopped");
        assertThat(row.uptime()).isNull();
        assertThat(row.drift()).as("only running instances are audited").isEmpty();
        assertThat(row.cost().computeUntil()).as("compute stops with the instance").isNotNull();
        LaunchRecord record = journal();
        assertThat(record.state()).as("a stopped instance is still a launched one").isEqualTo(LaunchState.SUCCEEDED);
        assertThat(record.output(InstanceActions.LAST_ACTION)).isEqualTo("stop");
        assertThat(Instant.parse(record.output(InstanceActions.STOPPED_AT))).isAfter(record.createdAt());
        assertThat(Instant.parse(record.output(InstanceActions.LAST_ACTION_AT))).isBeforeOrEqualTo(Instant.parse(record.output(InstanceActions.STOPPED_AT)));
        assertThat(stopped.record()).isEqualTo(record);
        assertThat(f.events).hasAtLeastOneElementOfType(LaunchEvent.StepStarted.class).hasAtLeastOneElementOfType(LaunchEvent.StepSucceeded.class);

        ActionOutcome started = f.actions.start(launchId, f.events::add);

        assertThat(started.succeeded()).as(started.message()).isTrue();
        assertThat(row().instanceState()).isEqualTo("running");
        assertThat(row().uptime()).isNotNull();
        assertThat(journal().output(InstanceActions.LAST_ACTION)).isEqualTo("start");
        assertThat(journal().output(InstanceActions.STARTED_AT)).isNotNull();
        assertThat(journal().output(InstanceActions.STOPPED_AT)).as("kept: when it last stopped").isEqualTo(record.output(InstanceActions.STOPPED_AT));
    }

    @Test
    void rebootKeepsItRunningAndIsJournaled() {
        ActionOutcome rebooted = f.actions.run(InstanceAction.REBOOT, launchId, f.events::add);
        assertThat(rebooted.succeeded()).as(rebooted.message()).isTrue();
        assertThat(aws.endpoint().count("ec2", "RebootInstances")).isEqualTo(1);
        assertThat(row().instanceState()).isEqualTo("running");
        assertThat(journal().output(InstanceActions.LAST_ACTION)).isEqualTo("reboot");
        assertThat(journal().output(InstanceActions.REBOOTED_AT)).isNotNull();
    }

    @Test
    void anAwsErrorIsAFailedOutcomeWithItsReasonNotAnException() {
        aws.endpoint().inject(dev.hangar.testing.Fault.on("ec2", "StopInstances").always()
                .error(400, "UnsupportedOperation", "The instance does not support stopping."));
        ActionOutcome outcome = f.actions.stop(launchId, f.events::add);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.message()).contains("UnsupportedOperation").contains(launchId);
        assertThat(f.events).hasAtLeastOneElementOfType(LaunchEvent.StepFailed.class);
        assertThat(row().instanceState()).isEqualTo("running");
        assertThat(journal().output(InstanceActions.STOPPED_AT)).isNull();
    }

    @Test
    void aDestroyedLaunchHasNothingToStopAndNoCallIsMade() {
        f.actions.destroy(launchId, false, false, e -> { });
        aws.endpoint().clearRecord();
        ActionOutcome outcome = f.actions.stop(launchId, f.events::add);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.message()).contains("destroyed").contains("no instance to stop");
        assertThat(aws.endpoint().requests()).isEmpty();
    }

    @Test
    void aLaunchHeldByAnotherProcessIsNotTouched() {
        try (LaunchLock busy = f.journal.lock(launchId)) {
            assertThatThrownBy(() -> f.actions.stop(launchId, f.events::add)).isInstanceOf(LaunchBusyException.class);
        }
        assertThat(aws.endpoint().mutatingRequests()).isEmpty();
    }

    @Test
    void anUnknownLaunchIsAnArgumentError() {
        assertThatThrownBy(() -> f.actions.start("nope-000000", f.events::add)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no launch nope-000000");
    }

    @Test
    void destroyWithSnapshotKeepsACompletedTaggedSnapshotOfTheDataVolumeFirst() {
        String volumeId = journal().output("dataVolumeId");

        LaunchOutcome outcome = f.actions.destroy(launchId, false, true, f.events::add);

        assertThat(outcome.state()).as(outcome.message()).isEqualTo(LaunchState.DESTROYED);
        String snapshotId = journal().output(InstanceActions.SNAPSHOT_ID);
        assertThat(snapshotId).startsWith("snap-");
        assertThat(outcome.message()).contains(snapshotId);
        Snapshot snapshot = f.ec2().describeSnapshots(r -> r.snapshotIds(snapshotId)).snapshots().get(0);
        assertThat(snapshot.state()).isEqualTo(SnapshotState.COMPLETED);
        assertThat(snapshot.volumeId()).isEqualTo(volumeId);
        Map<String, String> tags = snapshot.tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value()));
        assertThat(tags).containsEntry(InstanceActions.SNAPSHOT_OF_TAG, volumeId).containsEntry(LaunchTags.LAUNCH_ID, launchId)
                .containsEntry(LaunchTags.NAME, "llama").containsEntry("project", "nlp");
        // The snapshot came before the teardown.
        var calls = aws.endpoint().requests().stream().map(r -> r.action()).toList();
        assertThat(calls.indexOf("CreateSnapshot")).isLessThan(calls.indexOf("TerminateInstances"));
        assertThat(journal().state()).isEqualTo(LaunchState.DESTROYED);
    }

    @Test
    void aFailedSnapshotDestroysNothing() {
        aws.endpoint().inject(dev.hangar.testing.Fault.on("ec2", "CreateSnapshot").always()
                .error(400, "SnapshotLimitExceeded", "You have reached the snapshot limit."));
        LaunchOutcome outcome = f.actions.destroy(launchId, false, true, f.events::add);
        assertThat(outcome.state()).isEqualTo(LaunchState.SUCCEEDED);
        assertThat(outcome.message()).startsWith("Not destroyed:").contains("SnapshotLimitExceeded");
        assertThat(aws.endpoint().count("ec2", "TerminateInstances")).isZero();
        assertThat(row().instanceState()).isEqualTo("running");
    }

    /** Issue 15: spot launches are persistent requests that stop, so a spot instance stops like any other and keeps its disks. */
    @Test
    void aSpotInstanceStopsAndKeepsItsDisks() throws Exception {
        String spot = f.launch(MonitorFixture.spec().name("spot").market(dev.hangar.spec.Market.SPOT).build()).launchId();
        aws.endpoint().clearRecord();
        ActionOutcome outcome = f.actions.stop(spot, f.events::add);
        assertThat(outcome.succeeded()).as(outcome.message()).isTrue();
        assertThat(aws.endpoint().count("ec2", "StopInstances")).isEqualTo(1);
        assertThat(aws.endpoint().count("ec2", "TerminateInstances")).isZero();
    }
}
