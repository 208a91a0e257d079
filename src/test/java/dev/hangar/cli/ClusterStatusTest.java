package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.ParallelClusterNodes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Instances tagged as ParallelCluster tags a cluster's nodes show in {@code status} as one cluster with its nodes. */
@ExtendWith({LocalAwsExtension.class, TestCredentials.class})
class ClusterStatusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path home;

    @Test
    void theNodesAreOneClusterInTheJson(LocalAws aws) throws Exception {
        List<String> ids = ParallelClusterNodes.start(aws, "llama-train", "t3.medium", "g5.12xlarge", 2, "gpu");

        InProcessCli.Result r = InProcessCli.run(aws.uri(), home, "status", "--region", LocalAws.REGION, "--json");

        JsonNode status = JSON.readTree(r.out());
        assertThat(status.get("launches")).as("the nodes are not launches of their own").isEmpty();
        assertThat(status.get("clusters")).hasSize(1);
        JsonNode cluster = status.get("clusters").get(0);
        assertThat(cluster.get("cluster").asText()).isEqualTo("llama-train");
        assertThat(cluster.get("region").asText()).isEqualTo(LocalAws.REGION);
        assertThat(cluster.get("state").asText()).isEqualTo("running");
        assertThat(cluster.get("computeNodes").asInt()).isEqualTo(2);
        assertThat(cluster.get("nodes")).extracting(n -> n.get("instanceId").asText()).containsExactlyInAnyOrderElementsOf(ids);
        JsonNode head = cluster.get("nodes").get(0);
        assertThat(head.get("nodeType").asText()).isEqualTo("HeadNode");
        assertThat(head.get("instanceId").asText()).isEqualTo(ids.get(0));
        assertThat(head.get("instanceType").asText()).isEqualTo("t3.medium");
        assertThat(head.get("cost").get("pricePerHour").asDouble()).isEqualTo(0.0416);
        assertThat(cluster.get("nodes").get(1).get("queue").asText()).isEqualTo("gpu");
        assertThat(cluster.get("nodes").get(1).get("instanceType").asText()).isEqualTo("g5.12xlarge");
        assertThat(cluster.get("costSoFar").isNumber()).as(cluster.toString()).isTrue();
    }

    @Test
    void theTextListsTheClusterWithItsNodes(LocalAws aws) {
        List<String> ids = ParallelClusterNodes.start(aws, "llama-train", "t3.medium", "g5.12xlarge", 2, "gpu");

        InProcessCli.Result r = InProcessCli.run(aws.uri(), home, "status", "--region", LocalAws.REGION);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("CLUSTER llama-train (AWS ParallelCluster) in us-east-1: running, head node + 2 compute node(s)")
                .contains("head       " + ids.get(0)).contains("compute:gpu " + ids.get(1)).contains("compute:gpu " + ids.get(2));
    }
}
