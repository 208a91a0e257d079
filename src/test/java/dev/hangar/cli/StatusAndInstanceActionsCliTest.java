package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.monitor.InstanceMetric;
import dev.hangar.monitor.MetricWindow;
import dev.hangar.monitor.MonitorFixture;
import dev.hangar.monitor.MonitorQuery;
import dev.hangar.monitor.MonitorSnapshot;
import dev.hangar.monitor.MonitoredInstance;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;

/** {@code status} shows what the monitor shows; {@code stop}, {@code start}, {@code reboot}, {@code destroy --snapshot} act. */
@ExtendWith({LocalAwsExtension.class, TestCredentials.class})
class StatusAndInstanceActionsCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fields status --json had before the monitor: scripts and tests rely on them. */
    private static final List<String> CONTRACT = List.of("launchId", "name", "state", "createdAt", "region", "availabilityZone", "instanceId",
            "instanceType", "instanceState", "systemStatus", "instanceStatus", "connect", "message");

    @TempDir Path home;
    private LocalAws aws;
    private MonitorFixture f;
    private StringWriter out;
    private StringWriter err;
    private String launchId;
    private String instanceId;

    @BeforeEach
    void launch(LocalAws aws) throws Exception {
        this.aws = aws;
        f = new MonitorFixture(aws, home);
        Path spec = home.resolve("spec.json");
        Files.writeString(spec, """
                {"name": "llama", "region": "us-east-1", "amiId": "%s", "instanceType": "g5.xlarge", "dataBucket": "research-data"}
                """.formatted(Fixtures.PYTORCH_UBUNTU_AMI));
        assertThat(run("launch", "--spec", spec.toString(), "--yes", "--json")).as(err.toString()).isZero();
        JsonNode launched = JSON.readTree(out.toString());
        launchId = launched.get("launchId").asText();
        instanceId = launched.get("instanceId").asText();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = HangarCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", aws.uri().toString(), "--home", home.toString(), "--fast-polling"));
        return cli.execute(all.toArray(String[]::new));
    }

    private JsonNode statusRow() throws Exception {
        assertThat(run("status", "--launch", launchId, "--json")).as(err.toString()).isZero();
        return JSON.readTree(out.toString()).get("launches").get(0);
    }

    @Test
    void statusJsonShowsTheMonitorsData() throws Exception {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        f.put("AWS/EC2", "CPUUtilization", instanceId, minute.minus(3, ChronoUnit.MINUTES), 55);
        f.put("CWAgent", "nvidia_smi_utilization_gpu", instanceId, minute.minus(3, ChronoUnit.MINUTES), 93);
        f.ec2().modifyInstanceMetadataOptions(r -> r.instanceId(instanceId).httpTokens(HttpTokensState.OPTIONAL));

        assertThat(run("status", "--json", "--metrics", "1h")).as(err.toString()).isZero();
        JsonNode status = JSON.readTree(out.toString());
        MonitorSnapshot monitor = f.monitor.refresh(MonitorQuery.all().withMetrics(MetricWindow.LAST_HOUR));

        assertThat(status.get("metricsWindow").asText()).isEqualTo("1h");
        assertThat(status.get("metricsPeriodSeconds").asInt()).isEqualTo(60);
        assertThat(status.get("problems")).isEmpty();
        assertThat(status.get("launches")).hasSize(monitor.instances().size());
        JsonNode row = status.get("launches").get(0);
        MonitoredInstance m = monitor.launch(launchId).orElseThrow();
        for (String field : CONTRACT) {
            assertThat(row.has(field)).as(field).isTrue();
        }
        assertThat(row.get("launchId").asText()).isEqualTo(m.launchId());
        assertThat(row.get("state").asText()).isEqualTo(m.stateName()).isEqualTo("succeeded");
        assertThat(row.get("inJournal").asBoolean()).isTrue();
        assertThat(row.get("instanceId").asText()).isEqualTo(m.instanceId());
        assertThat(row.get("instanceType").asText()).isEqualTo(m.instanceType());
        assertThat(row.get("availabilityZone").asText()).isEqualTo(m.availabilityZone());
        assertThat(row.get("instanceState").asText()).isEqualTo(m.instanceState()).isEqualTo("running");
        assertThat(row.get("systemStatus").asText()).isEqualTo(m.systemStatus());
        assertThat(row.get("instanceStatus").asText()).isEqualTo(m.instanceStatus());
        assertThat(Instant.parse(row.get("launchTime").asText())).isEqualTo(m.launchTime());
        assertThat(Instant.parse(row.get("createdAt").asText())).isEqualTo(m.createdAt());
        assertThat(row.get("uptimeSeconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(row.get("connect").asText()).isEqualTo(m.connect());

        JsonNode cost = row.get("cost");
        assertThat(cost.get("pricePerHour").asDouble()).isEqualTo(m.cost().pricePerHour());
        assertThat(cost.get("priceSource").asText()).isIn("live", "cache");
        assertThat(cost.get("storageGiB").asDouble()).isEqualTo(m.cost().storageGiB());
        assertThat(Instant.parse(cost.get("computeSince").asText())).isEqualTo(m.cost().computeSince());
        assertThat(cost.get("computeNote").asText()).contains("last start");
        assertThat(cost.get("total").asDouble()).isPositive();

        assertThat(row.at("/idleAlarm/name").asText()).isEqualTo(m.idleAlarm().name());
        assertThat(row.at("/idleAlarm/state").asText()).isEqualTo(m.idleAlarm().state());

        assertThat(row.get("drift")).hasSize(m.drift().size()).hasSize(1);
        assertThat(row.at("/drift/0/ruleId").asText()).isEqualTo(m.drift().get(0).ruleId()).isEqualTo("imdsv2-required");
        assertThat(row.at("/drift/0/controls").toString()).contains("EC2.8");
        assertThat(row.at("/drift/0/fix").asText()).isEqualTo(m.drift().get(0).fix().description());

        JsonNode cpu = row.at("/metrics/cpuUtilization");
        assertThat(cpu.get("unit").asText()).isEqualTo("Percent");
        assertThat(JSON.convertValue(cpu.get("values"), double[].class)).containsExactly(55.0);
        assertThat(Instant.parse(cpu.at("/timestamps/0").asText())).isEqualTo(m.series(InstanceMetric.CPU_UTILIZATION).timestamps().get(0));
        assertThat(JSON.convertValue(row.at("/metrics/gpuUtilization/values"), double[].class)).containsExactly(93.0);
        assertThat(row.at("/metrics/gpuMemoryUsed/values")).isEmpty();

        assertThat(run("status")).isZero();
        assertThat(out.toString()).contains(launchId).contains("running").contains(" ok ").contains("1 finding(s)")
                .contains("drift " + launchId + " FAIL imdsv2-required [EC2.8, CKV_AWS_79]").contains("fix: aws ec2 modify-instance-metadata-options");
    }

    @Test
    void statusWithoutMetricsHasNoSeriesAndListsUntrackedInstancesAsSuch() throws Exception {
        String ghost = f.untrackedInstance("ghost-abc123");
        assertThat(run("status", "--json")).as(err.toString()).isZero();
        JsonNode launches = JSON.readTree(out.toString()).get("launches");
        assertThat(launches).hasSize(2);
        assertThat(launches.get(0).has("metrics")).isFalse();
        JsonNode untracked = launches.get(1);
        assertThat(untracked.get("instanceId").asText()).isEqualTo(ghost);
        assertThat(untracked.get("launchId").asText()).isEqualTo("ghost-abc123");
        assertThat(untracked.get("state").asText()).isEqualTo("not-in-journal");
        assertThat(untracked.get("inJournal").asBoolean()).isFalse();
        assertThat(untracked.get("instanceState").asText()).isEqualTo("running");

        assertThat(run("status", "--launch", launchId, "--json")).isZero();
        assertThat(JSON.readTree(out.toString()).get("launches")).hasSize(1);
        assertThat(run("status", "--metrics", "2h")).isEqualTo(2);
        assertThat(err.toString()).contains("1h, 6h or 24h");
    }

    @Test
    void stopStartAndRebootChangeTheInstanceAndSayWhatHappened() throws Exception {
        assertThat(run("stop", "--launch", launchId)).as("no terminal to confirm on").isEqualTo(2);
        assertThat(err.toString()).contains("--yes");
        assertThat(aws.endpoint().count("ec2", "StopInstances")).isZero();

        assertThat(run("stop", "--launch", launchId, "--yes")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Stop the instance").contains(instanceId + " stopped");
        JsonNode stopped = statusRow();
        assertThat(stopped.get("instanceState").asText()).isEqualTo("stopped");
        assertThat(stopped.get("state").asText()).isEqualTo("succeeded");

        assertThat(run("start", "--launch", launchId, "--yes")).as(err.toString()).isZero();
        assertThat(statusRow().get("instanceState").asText()).isEqualTo("running");

        assertThat(run("reboot", "--launch", launchId, "--yes")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("rebooting");
        assertThat(f.journal.load(launchId).orElseThrow().output("lastAction")).isEqualTo("reboot");

        assertThat(run("stop", "--launch", "nope-000000", "--yes")).isEqualTo(2);
        assertThat(err.toString()).contains("--launch: no launch nope-000000");
    }

    @Test
    void destroyWithSnapshotKeepsTheSnapshotAndSaysSo() throws Exception {
        assertThat(run("destroy", "--launch", launchId, "--snapshot", "--yes")).as(err.toString()).isZero();
        String snapshotId = f.journal.load(launchId).orElseThrow().output("snapshotId");
        assertThat(out.toString()).contains("Snapshot the data volume").contains("Destroyed launch " + launchId).contains(snapshotId + " is kept");
        assertThat(f.ec2().describeSnapshots(r -> r.snapshotIds(snapshotId)).snapshots()).hasSize(1);
        assertThat(statusRow().get("state").asText()).isEqualTo("destroyed");
    }
}
