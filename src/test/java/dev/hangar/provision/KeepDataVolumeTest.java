package dev.hangar.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.testing.Fault;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 (4): destroy --keep-data-volume never loses the volume, even one launched to go with its instance. */
@ExtendWith(LocalAwsExtension.class)
class KeepDataVolumeTest {

    @TempDir Path home;

    @Test
    void aDetachThatNeverFinishesLeavesTheInstanceAndTheVolume(LocalAws aws) throws Exception {
        EngineFixture f = new EngineFixture(aws, home);
        LaunchOutcome launched = f.launch(EngineFixture.spec().deleteDataVolumeOnTermination(true).build());
        assertThat(launched.succeeded()).as(launched.message()).isTrue();
        String volume = launched.outputs().get("dataVolumeId");
        aws.endpoint().clearRecord();
        // The volume stays busy (mounted, say): the detach never completes.
        aws.endpoint().inject(Fault.on("ec2", "DescribeVolumes").always().rewrite("<status>available</status>", "<status>in-use</status>"));

        LaunchOutcome destroyed = f.launcher.destroy(f.journal.load(launched.launchId()).orElseThrow(), true, f.events::add);

        aws.endpoint().clearFaults();
        assertThat(destroyed.succeeded()).isFalse();
        assertThat(aws.clients().ec2(LocalAws.REGION).describeVolumes(r -> r.volumeIds(volume)).volumes()).as("the kept volume").hasSize(1);
        assertThat(aws.endpoint().requests("ec2", "TerminateInstances")).as("no terminate while the kept volume is attached").isEmpty();
    }

    @Test
    void theKeptVolumeIsSetToSurviveItsInstanceAndTheInstanceStoppedBeforeTheDetach(LocalAws aws) throws Exception {
        EngineFixture f = new EngineFixture(aws, home);
        LaunchOutcome launched = f.launch(EngineFixture.spec().deleteDataVolumeOnTermination(true).build());
        String volume = launched.outputs().get("dataVolumeId");
        aws.endpoint().clearRecord();

        LaunchOutcome destroyed = f.launcher.destroy(f.journal.load(launched.launchId()).orElseThrow(), true, f.events::add);

        assertThat(destroyed.succeeded()).isFalse(); // a destroy keeps state DESTROYED, checked below
        assertThat(destroyed.state()).as(destroyed.message()).isEqualTo(dev.hangar.journal.LaunchState.DESTROYED);
        List<String> calls = aws.endpoint().mutatingRequests().stream().map(RecordedRequest::action).toList();
        assertThat(calls).contains("ModifyInstanceAttribute", "StopInstances", "DetachVolume", "TerminateInstances");
        assertThat(calls.indexOf("ModifyInstanceAttribute")).isLessThan(calls.indexOf("DetachVolume"));
        assertThat(calls.indexOf("StopInstances")).isLessThan(calls.indexOf("DetachVolume"));
        assertThat(calls.indexOf("DetachVolume")).isLessThan(calls.indexOf("TerminateInstances"));
        RecordedRequest keep = aws.endpoint().requests("ec2", "ModifyInstanceAttribute").get(0);
        assertThat(keep.param("BlockDeviceMapping.1.Ebs.DeleteOnTermination")).isEqualTo("false");
        assertThat(aws.clients().ec2(LocalAws.REGION).describeVolumes(r -> r.volumeIds(volume)).volumes()).hasSize(1);
    }
}
