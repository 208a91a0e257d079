package dev.hangar.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.checklist.Finding;
import dev.hangar.checklist.ImdsV2Rule;
import dev.hangar.checklist.NoAdminPortsFromAnywhereRule;
import dev.hangar.checklist.Status;
import dev.hangar.journal.LaunchState;
import dev.hangar.blueprint.LaunchNames;
import dev.hangar.provision.LaunchOutcome;
import dev.hangar.testing.Fault;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.RecordedRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;

/** The monitor against the local endpoint: a real launch, then read back as the monitor view and `status` show it. */
@ExtendWith(LocalAwsExtension.class)
class MonitorServiceTest {

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
        aws.endpoint().clearRecord();
    }

    @Test
    void listsTheLaunchWithItsLiveStateChecksUptimeCostAndIdleAlarm() {
        MonitorSnapshot snapshot = f.monitor.refresh(MonitorQuery.all());

        assertThat(snapshot.problems()).isEmpty();
        assertThat(snapshot.instances()).hasSize(1);
        MonitoredInstance row = snapshot.launch(launchId).orElseThrow();
        assertThat(row.inJournal()).isTrue();
        assertThat(row.launchState()).isEqualTo(LaunchState.SUCCEEDED);
        assertThat(row.stateName()).isEqualTo("succeeded");
        assertThat(row.name()).isEqualTo("llama");
        assertThat(row.instanceId()).isEqualTo(instanceId);
        assertThat(row.instanceType()).isEqualTo("g5.xlarge");
        assertThat(row.availabilityZone()).startsWith("us-east-1");
        assertThat(row.instanceState()).isEqualTo("running");
        assertThat(row.systemStatus()).isEqualTo("ok");
        assertThat(row.instanceStatus()).isEqualTo("ok");
        assertThat(row.launchTime()).isNotNull();
        assertThat(row.uptime()).isNotNull().isPositive();
        assertThat(row.connect()).startsWith("aws ssm start-session --target " + instanceId);
        assertThat(row.drift()).as("a fresh launch has not drifted").isEmpty();
        assertThat(row.metrics()).as("no metrics asked for").isEmpty();

        CostSoFar cost = row.cost();
        assertThat(cost.pricePerHour()).isEqualTo(1.006); // the fake Pricing API's g5.xlarge, shared tenancy
        assertThat(cost.priceSource()).isEqualTo("live");
        assertThat(cost.computeSince()).isEqualTo(row.launchTime());
        assertThat(cost.compute()).isCloseTo(1.006 * cost.computeHours(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cost.storageGiB()).isEqualTo(200); // 100 GiB root + 100 GiB data, the spec's defaults
        assertThat(cost.storageSince()).isEqualTo(f.journal.load(launchId).orElseThrow().createdAt());
        assertThat(cost.total()).isEqualTo(cost.compute() + cost.storage());

        assertThat(row.idleAlarm().name()).isEqualTo(new LaunchNames(launchId).idleAlarmName());
        assertThat(row.idleAlarm().state()).isIn("OK", "INSUFFICIENT_DATA", "ALARM");
    }

    @Test
    void withoutThePricingApiTheCostUsesTheBundledPriceAndSaysItsDate() throws Exception {
        aws.endpoint().inject(dev.hangar.testing.Fault.on("pricing", "GetProducts").always()
                .error(400, "AccessDeniedException", "User is not authorized to perform: pricing:GetProducts"));
        org.assertj.core.util.Files.delete(home.resolve("cache").toFile()); // the launch read the prices; read them again, denied

        CostSoFar cost = f.monitor.refresh(MonitorQuery.all()).launch(launchId).orElseThrow().cost();

        assertThat(cost.pricePerHour()).isEqualTo(1.006); // us-east-1's g5.xlarge in the bundled list
        assertThat(cost.priceSource()).isEqualTo("prices from AWS's list of 1 May 2025 (offline copy)");
    }

    @Test
    void oneRefreshIsOneBatchOfCallsPerRegionWhateverTheNumberOfInstances() {
        String other = f.untrackedInstance("elsewhere-a1b2c3");
        f.monitor.refresh(MonitorQuery.all().withMetrics(MetricWindow.LAST_HOUR)); // the first reads the region's prices once
        aws.endpoint().clearRecord();

        MonitorSnapshot snapshot = f.monitor.refresh(MonitorQuery.all().withMetrics(MetricWindow.LAST_HOUR));

        assertThat(snapshot.instances()).extracting(MonitoredInstance::instanceId).containsExactly(instanceId, other);
        for (String action : List.of("DescribeInstances", "DescribeInstanceStatus", "DescribeSecurityGroups", "DescribeVolumes")) {
            assertThat(aws.endpoint().count("ec2", action)).as(action).isEqualTo(1);
        }
        assertThat(aws.endpoint().count("cloudwatch", "DescribeAlarms")).isEqualTo(1);
        assertThat(aws.endpoint().count("cloudwatch", "GetMetricData")).isEqualTo(1);
        assertThat(aws.endpoint().requests()).as("nothing else, the catalog included").hasSize(6);
        RecordedRequest metrics = aws.endpoint().requests("cloudwatch", "GetMetricData").get(0);
        int queries = MetricsReader.Query.values().length;
        assertThat(metrics.params()).as("every metric of both instances in the one call")
                .containsKey("MetricDataQueries.member." + (2 * queries) + ".Id")
                .doesNotContainKey("MetricDataQueries.member." + (2 * queries + 1) + ".Id");
    }

    @Test
    void theSeriesHoldThePutDataPointsSortedByTime() {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant t1 = minute.minus(10, ChronoUnit.MINUTES);
        Instant t2 = minute.minus(5, ChronoUnit.MINUTES);
        Instant t3 = minute.minus(2, ChronoUnit.MINUTES);
        // Put out of order: the series come back sorted.
        f.put("AWS/EC2", "CPUUtilization", instanceId, t2, 40);
        f.put("AWS/EC2", "CPUUtilization", instanceId, t1, 12.5);
        f.put("AWS/EC2", "CPUUtilization", instanceId, t3, 97);
        f.put("AWS/EC2", "NetworkIn", instanceId, t2, 2048);
        f.put("CWAgent", "nvidia_smi_utilization_gpu", instanceId, t1, 88);
        f.put("CWAgent", "nvidia_smi_utilization_gpu", instanceId, t3, 91);
        f.put("CWAgent", "nvidia_smi_memory_used", instanceId, t3, 6144);
        f.put("CWAgent", "nvidia_smi_memory_total", instanceId, t3, 24576);
        f.put("CWAgent", "nvidia_smi_utilization_memory", instanceId, t3, 35);

        MonitoredInstance row = f.monitor.refresh(MonitorQuery.all().withMetrics(MetricWindow.LAST_HOUR)).launch(launchId).orElseThrow();

        assertThat(row.series(InstanceMetric.CPU_UTILIZATION).timestamps()).containsExactly(t1, t2, t3);
        assertThat(row.series(InstanceMetric.CPU_UTILIZATION).values()).containsExactly(12.5, 40.0, 97.0);
        assertThat(row.series(InstanceMetric.NETWORK_IN).values()).containsExactly(2048.0);
        assertThat(row.series(InstanceMetric.NETWORK_OUT).isEmpty()).isTrue();
        assertThat(row.series(InstanceMetric.GPU_UTILIZATION).timestamps()).containsExactly(t1, t3);
        assertThat(row.series(InstanceMetric.GPU_UTILIZATION).values()).containsExactly(88.0, 91.0);
        assertThat(row.series(InstanceMetric.GPU_MEMORY_USED).values()).containsExactly(25.0);
        assertThat(row.series(InstanceMetric.GPU_MEMORY_ACTIVITY).values()).containsExactly(35.0);
        assertThat(row.metrics()).containsOnlyKeys(InstanceMetric.values());
    }

    @Test
    void anInstanceTaggedByHangarButNotInTheJournalIsListedAsSuch() {
        String ghost = f.untrackedInstance("ghost-abc123");

        MonitorSnapshot snapshot = f.monitor.refresh(MonitorQuery.all());

        assertThat(snapshot.notInJournal()).hasSize(1);
        MonitoredInstance row = snapshot.notInJournal().get(0);
        assertThat(row.instanceId()).isEqualTo(ghost);
        assertThat(row.launchId()).isEqualTo("ghost-abc123");
        assertThat(row.name()).isEqualTo("ghost");
        assertThat(row.inJournal()).isFalse();
        assertThat(row.launchState()).isNull();
        assertThat(row.stateName()).isEqualTo(MonitoredInstance.NOT_IN_JOURNAL);
        assertThat(row.instanceState()).isEqualTo("running");
        assertThat(row.systemStatus()).isEqualTo("ok");
        assertThat(row.cost().pricePerHour()).isEqualTo(1.006);
        // Started outside Hangar: no instance profile, no detailed monitoring: both reported.
        assertThat(row.drift()).extracting(Finding::ruleId).contains("least-privilege-data-access", "detailed-monitoring");
    }

    @Test
    void anUntrackedInstanceIsFoundInARegionAskedForEvenWithNoLaunchThere() throws Exception {
        f.actions.destroy(launchId, false, false, e -> { });
        String ghost = f.untrackedInstance("ghost-abc123");
        aws.endpoint().clearRecord();

        assertThat(f.monitor.refresh(MonitorQuery.all()).notInJournal()).as("a destroyed launch's region is not read").isEmpty();
        assertThat(aws.endpoint().requests()).isEmpty();

        MonitorSnapshot snapshot = f.monitor.refresh(MonitorQuery.all().withRegions(Set.of(LocalAws.REGION)));
        assertThat(snapshot.notInJournal()).extracting(MonitoredInstance::instanceId).containsExactly(ghost);
        assertThat(snapshot.launch(launchId).orElseThrow().launchState()).isEqualTo(LaunchState.DESTROYED);
        assertThat(snapshot.launch(launchId).orElseThrow().instanceState()).as("not read: it holds nothing").isNull();
    }

    @Test
    void metadataMadeOptionalBehindHangarsBackIsDriftWithEc2Dot8() {
        f.ec2().modifyInstanceMetadataOptions(r -> r.instanceId(instanceId).httpTokens(HttpTokensState.OPTIONAL));

        List<Finding> drift = f.monitor.refresh(MonitorQuery.all()).launch(launchId).orElseThrow().drift();

        assertThat(drift).hasSize(1);
        Finding imds = drift.get(0);
        assertThat(imds.ruleId()).isEqualTo(new ImdsV2Rule().id());
        assertThat(imds.controls()).isEqualTo(new ImdsV2Rule().controls()).contains("EC2.8", "CKV_AWS_79");
        assertThat(imds.status()).isEqualTo(Status.FAIL);
        assertThat(imds.detail()).contains(instanceId).contains("HttpTokens is optional");
        assertThat(imds.fix().description()).contains("modify-instance-metadata-options --instance-id " + instanceId + " --http-tokens required");
    }

    @Test
    void sshOpenedToTheWorldBehindHangarsBackIsDrift() {
        String groupId = f.ec2().describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances().get(0)
                .networkInterfaces().get(0).groups().get(0).groupId();
        f.ec2().authorizeSecurityGroupIngress(r -> r.groupId(groupId)
                .ipPermissions(p -> p.ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(x -> x.cidrIp("0.0.0.0/0"))));

        List<Finding> drift = f.monitor.refresh(MonitorQuery.all()).launch(launchId).orElseThrow().drift();

        assertThat(drift).hasSize(1);
        Finding ssh = drift.get(0);
        assertThat(ssh.ruleId()).isEqualTo("no-admin-ports-from-anywhere");
        assertThat(ssh.controls()).isEqualTo(new NoAdminPortsFromAnywhereRule().controls()).contains("EC2.13", "EC2.14", "CKV_AWS_24");
        assertThat(ssh.status()).isEqualTo(Status.FAIL);
        assertThat(ssh.detail()).contains(groupId).contains("tcp port 22").contains("0.0.0.0/0");
        assertThat(ssh.fix().description()).contains("revoke-security-group-ingress --group-id " + groupId);
    }

    @Test
    void aRegionThatCannotBeReadIsAProblemAndTheJournalRowsStillShow() {
        aws.endpoint().inject(Fault.on("ec2", "DescribeInstances").always().error(403, "UnauthorizedOperation", "You are not authorized"));

        MonitorSnapshot snapshot = f.monitor.refresh(MonitorQuery.all());

        assertThat(snapshot.problems()).singleElement().asString().startsWith("us-east-1: UnauthorizedOperation");
        MonitoredInstance row = snapshot.launch(launchId).orElseThrow();
        assertThat(row.instanceId()).isEqualTo(instanceId);
        assertThat(row.instanceState()).as("unknown, not 'not-found'").isNull();
        assertThat(row.cost()).isNull();
    }

    @Test
    void anInstanceTerminatedBehindHangarsBackShowsSoWithItsComputeUpToThen() {
        f.ec2().terminateInstances(r -> r.instanceIds(instanceId));
        MonitoredInstance row = f.monitor.refresh(MonitorQuery.all()).launch(launchId).orElseThrow();
        assertThat(row.instanceState()).isEqualTo("terminated");
        assertThat(row.uptime()).isNull();
        assertThat(row.drift()).isEmpty();
        assertThat(row.cost().computeUntil()).as("from the state transition reason").isNotNull();
    }

    @Test
    void oneLaunchOnlyReadsThatLaunch() {
        f.untrackedInstance("ghost-abc123");
        MonitorSnapshot snapshot = f.monitor.refresh(MonitorQuery.all().withLaunch(launchId));
        assertThat(snapshot.instances()).extracting(MonitoredInstance::launchId).containsExactly(launchId);
        assertThat(aws.endpoint().requests("ec2", "DescribeInstances").get(0).params()).containsValue("tag:hangar:launch-id");
    }
}
