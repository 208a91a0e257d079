package dev.hangar.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.provision.LaunchOutcome;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 (1): the monitor and status say which signal decides "idle": the GPUs while they report, else CPU alone. */
@ExtendWith(LocalAwsExtension.class)
class IdleSignalTest {

    @TempDir Path home;

    @Test
    void theAlarmWatchesTheGpusOnceTheyReportAndCpuAloneBefore(LocalAws aws) throws Exception {
        MonitorFixture f = new MonitorFixture(aws, home);
        LaunchOutcome outcome = f.launch(MonitorFixture.spec().build());
        String instanceId = outcome.outputs().get("instanceId");

        IdleAlarm before = f.monitor.refresh(MonitorQuery.all()).instances().get(0).idleAlarm();
        f.put("CWAgent", "nvidia_smi_utilization_gpu", instanceId, Instant.now(), 97);
        IdleAlarm after = f.monitor.refresh(MonitorQuery.all()).instances().get(0).idleAlarm();

        assertThat(before.signal()).isEqualTo(IdleAlarm.CPU_ONLY);
        assertThat(after.signal()).isEqualTo(IdleAlarm.CPU_AND_GPUS);
    }

    /** Issue 15 (2): an interruption is shown as such, not as an idle stop or a failure. */
    @Test
    void aSpotInterruptionIsShownAsSuch(LocalAws aws) throws Exception {
        MonitorFixture f = new MonitorFixture(aws, home);
        LaunchOutcome outcome = f.launch(MonitorFixture.spec().market(dev.hangar.spec.Market.SPOT).build());
        f.ec2().stopInstances(r -> r.instanceIds(outcome.outputs().get("instanceId")));
        // moto stops it as the user would; AWS reports an interruption with this code.
        aws.endpoint().inject(dev.hangar.testing.Fault.on("ec2", "DescribeInstances").always()
                .rewrite("Client.UserInitiatedShutdown", "Server.SpotInstanceShutdown"));

        MonitoredInstance row = f.monitor.refresh(MonitorQuery.all()).instances().get(0);

        aws.endpoint().clearFaults();
        assertThat(row.message()).contains("spot interruption").contains("starts it again");
    }
}
