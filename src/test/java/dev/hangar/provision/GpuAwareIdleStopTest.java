package dev.hangar.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 (1): "idle" means CPU low and every GPU low. An 8-GPU job keeps ~4 % of a p5's CPUs busy; a CPU-only
 * alarm would stop it. The GPU-aware alarm takes the busiest GPU, and counts missing GPU data as busy; a CPU-only
 * backstop with a three times longer window stops a machine whose GPUs report nothing at all.
 */
@ExtendWith(LocalAwsExtension.class)
class GpuAwareIdleStopTest {

    @TempDir Path home;

    @Test
    void theIdleAlarmWatchesCpuAndTheBusiestGpuAndABackstopCoversMissingGpuData(LocalAws aws) throws Exception {
        EngineFixture f = new EngineFixture(aws, home);
        LaunchOutcome outcome = f.launch(EngineFixture.spec().instanceType("p5.48xlarge").idleStopMinutes(30).build());
        assertThat(outcome.succeeded()).as(outcome.message()).isTrue();

        Map<String, RecordedRequest> alarms = new TreeMap<>();
        aws.endpoint().requests("cloudwatch", "PutMetricAlarm").forEach(r -> alarms.put(r.param("AlarmName"), r));
        String main = "hangar-" + outcome.launchId() + "-idle-stop";
        String backstop = main + "-no-gpu-data";
        assertThat(alarms).containsOnlyKeys(main, backstop);

        RecordedRequest gpuAware = alarms.get(main);
        assertThat(gpuAware.param("MetricName")).as("a metric-math alarm, not a single metric").isNull();
        assertThat(metrics(gpuAware)).contains("CPUUtilization/Average", "nvidia_smi_utilization_gpu/Maximum");
        assertThat(expression(gpuAware)).isEqualTo("MAX([cpu, FILL(gpu, 100)])");
        assertThat(gpuAware.param("EvaluationPeriods")).isEqualTo("30");
        assertThat(gpuAware.param("AlarmActions.member.1")).endsWith(":ec2:stop");

        RecordedRequest cpuOnly = alarms.get(backstop);
        assertThat(expression(cpuOnly)).isEqualTo("IF(FILL(gpu, -1) < 0, cpu, 100)");
        assertThat(cpuOnly.param("EvaluationPeriods")).isEqualTo("90");
        assertThat(cpuOnly.param("TreatMissingData")).isEqualTo("notBreaching");

        f.launcher.destroy(f.journal.load(outcome.launchId()).orElseThrow(), false, f.events::add);
        f.assertNothingLeft(outcome.launchId());
        assertThat(f.alarmsNamed(backstop)).isZero();
    }

    private static List<String> metrics(RecordedRequest r) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 1; r.param("Metrics.member." + i + ".Id") != null; i++) {
            String p = "Metrics.member." + i + ".MetricStat.";
            if (r.param(p + "Metric.MetricName") != null) {
                out.add(r.param(p + "Metric.MetricName") + "/" + r.param(p + "Stat"));
            }
        }
        return out;
    }

    private static String expression(RecordedRequest r) {
        for (int i = 1; r.param("Metrics.member." + i + ".Id") != null; i++) {
            if ("true".equals(r.param("Metrics.member." + i + ".ReturnData"))) {
                return r.param("Metrics.member." + i + ".Expression");
            }
        }
        return null;
    }
}
