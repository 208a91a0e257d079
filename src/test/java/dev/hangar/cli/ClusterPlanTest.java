package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.testing.FakeCapacityReservations.Reservation;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan} on a spec with {@code cluster}: the same checklist with each rule's ParallelCluster setting, the head
 * node plus up to N compute nodes per hour and the idle cost at minNodes, and preflight sized by the nodes.
 */
@ExtendWith({LocalAwsExtension.class, TestCredentials.class})
class ClusterPlanTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESERVATION = "cr-0123456789abcdef0";

    @TempDir Path home;
    private LocalAws aws;
    private Path spec;

    @BeforeEach
    void setUp(LocalAws aws) throws Exception {
        this.aws = aws;
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("research-data"));
        spec = home.resolve("cluster.json");
        Files.writeString(spec, """
                {"name": "llama", "region": "us-east-1", "amiId": "%s", "instanceType": "g5.12xlarge",
                 "dataBucket": "research-data", "capacityReservationId": "%s",
                 "cluster": {"nodes": 4, "minNodes": 1, "efa": "auto"}}
                """.formatted(Fixtures.PYTORCH_UBUNTU_AMI, RESERVATION));
    }

    @Test
    void theJsonPlanMapsEveryRuleToParallelClusterAndPricesHeadAndNodes() throws Exception {
        aws.capacityReservations().add(Reservation.active(RESERVATION, "g5.12xlarge", "us-east-1b", 4, 4));

        InProcessCli.Result r = InProcessCli.run(aws.uri(), home, "plan", "--spec", spec.toString(), "--json");

        JsonNode plan = JSON.readTree(r.out());
        JsonNode cluster = plan.get("cluster");
        assertThat(cluster.get("nodes").asInt()).isEqualTo(4);
        assertThat(cluster.get("headNodeType").asText()).isEqualTo("t3.medium");
        assertThat(setting(cluster, "imdsv2-required")).contains("Imds.ImdsSupport: v2.0");
        assertThat(setting(cluster, "ebs-volumes-encrypted")).contains("LocalStorage.RootVolume.Encrypted");
        assertThat(setting(cluster, "least-privilege-data-access")).contains("S3Access");
        assertThat(setting(cluster, "no-admin-ports-from-anywhere")).contains("Ssh.AllowedIps");
        assertThat(cluster.get("settings")).allSatisfy(s -> assertThat(s.get("parallelClusterSetting").isNull())
                .as("rule %s has a ParallelCluster setting", s.get("id")).isFalse());

        JsonNode cost = cluster.get("cost");
        double head = cost.get("headNodePerHour").asDouble();
        double node = cost.get("computeNodePerHour").asDouble();
        assertThat(head).isEqualTo(0.0416);
        assertThat(node).isPositive();
        assertThat(cost.get("busyPerHour").asDouble()).isCloseTo(head + 4 * node, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cost.get("idlePerHour").asDouble()).isCloseTo(head + node, org.assertj.core.data.Offset.offset(1e-9));

        assertThat(check(plan, "vcpu-quota").get("detail").asText()).contains("192 vCPUs needed (4 nodes × 48)");
        assertThat(check(plan, "efa").get("detail").asText()).contains("auto resolves to on");
        assertThat(check(plan, "capacity-reservation").get("status").asText()).isEqualTo("PASS");
    }

    @Test
    void theTextPlanSaysWhatParallelClusterRunsAndAReservationTooSmallFails() {
        aws.capacityReservations().add(Reservation.active(RESERVATION, "g5.12xlarge", "us-east-1b", 4, 2));

        InProcessCli.Result r = InProcessCli.run(aws.uri(), home, "plan", "--spec", spec.toString());

        assertThat(r.out()).as(r.toString())
                .contains("Cluster: AWS ParallelCluster (Slurm): head node t3.medium + 1 to 4 × g5.12xlarge compute nodes, EFA auto")
                .contains("Security checklist for the head and compute nodes")
                .contains("ParallelCluster (head and compute): Imds.ImdsSupport: v2.0; HeadNode.Imds.Secured: true")
                .contains("head node t3.medium $0.0416/h + up to 4 × ")
                .contains("idle at 1 node")
                .contains("room for 2 more g5.12xlarges (of 4), 4 needed")
                .contains("hangar cluster create --spec")
                .doesNotContain("per month if left running");
        assertThat(r.exit()).isNotZero();
    }

    private static String setting(JsonNode cluster, String ruleId) {
        for (JsonNode s : cluster.get("settings")) {
            if (s.get("id").asText().equals(ruleId)) {
                return s.get("parallelClusterSetting").asText();
            }
        }
        throw new AssertionError("no rule " + ruleId);
    }

    private static JsonNode check(JsonNode plan, String id) {
        for (JsonNode c : plan.get("preflight").get("checks")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no preflight check " + id + " in " + plan.get("preflight"));
    }
}
