package dev.hangar.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.ClusterFacts;
import dev.hangar.blueprint.ClusterModel;
import dev.hangar.spec.Access;
import dev.hangar.spec.BucketAccess;
import dev.hangar.spec.ClusterSpec;
import dev.hangar.spec.EfaMode;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.Market;
import dev.hangar.testing.ParallelClusterSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The ParallelCluster configuration: loaded by ParallelCluster 3.16.1's own schema, and its security settings against the spec. */
class ParallelClusterExportTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String RESERVATION = "cr-0123456789abcdef0";

    static LaunchSpec spec(Access access, Market market, EfaMode efa, boolean reservation) {
        LaunchSpec.Builder b = Fixtures.base().instanceType("g5.48xlarge").market(market).tag("project", "nlp")
                .cluster(new ClusterSpec(4, 1, efa, 45, "t3.medium"));
        if (access == Access.SSH) {
            b.access(Access.SSH).keyPair("my-key").sshCidr("203.0.113.7/32");
        }
        if (reservation) {
            b.capacityReservationId(RESERVATION);
        }
        return Fixtures.valid(b.build());
    }

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (Access access : Access.values()) {
            for (Market market : Market.values()) {
                for (EfaMode efa : List.of(EfaMode.ON, EfaMode.OFF)) {
                    for (boolean reservation : List.of(false, true)) {
                        // A reservation with spot is a spec error (SpecValidator), so it has no configuration.
                        if (!(reservation && market == Market.SPOT)) {
                            all.add(Arguments.of(access, market, efa, reservation));
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    private static String export(Blueprint stack) {
        return new ParallelClusterExporter().export(ExportInput.of(stack));
    }

    private static JsonNode tree(String yaml) throws Exception {
        return YAML.readTree(yaml);
    }

    private static ParallelClusterSchema.Result load(Blueprint stack, String yaml) throws Exception {
        return ParallelClusterSchema.check(stack.cluster().clusterName(), stack.region(), yaml);
    }

    @ParameterizedTest(name = "{0} {1} efa {2} reservation {3}")
    @MethodSource("combinations")
    void everyCombinationLoadsInParallelClustersOwnSchema(Access access, Market market, EfaMode efa, boolean reservation) throws Exception {
        Blueprint stack = Blueprint.of(spec(access, market, efa, reservation));
        String yaml = export(stack);

        assertThat(load(stack, yaml)).as(yaml).isEqualTo(new ParallelClusterSchema.Result(true, "LOADED"));
        JsonNode queue = tree(yaml).at("/Scheduling/SlurmQueues/0");
        assertThat(queue.at("/ComputeResources/0/Efa/Enabled").asBoolean()).isEqualTo(efa == EfaMode.ON);
        assertThat(queue.at("/Networking/PlacementGroup/Enabled").asBoolean()).isEqualTo(efa == EfaMode.ON);
        assertThat(queue.path("CapacityType").asText()).isEqualTo(reservation || market == Market.ON_DEMAND ? "ONDEMAND" : "SPOT");
        assertThat(queue.at("/ComputeResources/0/CapacityReservationTarget/CapacityReservationId").asText(null))
                .isEqualTo(reservation ? RESERVATION : null);
    }

    @Test
    void aCapacityBlockKeepsEveryNodeAndNoPlacementGroupAndLoads() throws Exception {
        Blueprint stack = Blueprint.of(spec(Access.SSM, Market.ON_DEMAND, EfaMode.AUTO, true))
                .withClusterFacts(new ClusterFacts(true, null, null, ClusterFacts.CAPACITY_BLOCK, "subnet-0aaaabbbbccccdddd"));
        String yaml = export(stack);

        assertThat(load(stack, yaml).loaded()).as(yaml).isTrue();
        JsonNode queue = tree(yaml).at("/Scheduling/SlurmQueues/0");
        assertThat(queue.path("CapacityType").asText()).isEqualTo("CAPACITY_BLOCK");
        assertThat(queue.at("/ComputeResources/0/MinCount").asInt()).isEqualTo(4);
        assertThat(queue.at("/ComputeResources/0/MaxCount").asInt()).isEqualTo(4);
        assertThat(queue.at("/ComputeResources/0/Efa/Enabled").asBoolean()).isTrue();
        assertThat(queue.at("/Networking/PlacementGroup").isMissingNode()).isTrue();
        assertThat(yaml).contains("# Capacity Block " + RESERVATION + ": all 4 nodes are static");
    }

    @Test
    void theSchemaRejectsABrokenConfiguration() throws Exception {
        Blueprint stack = Blueprint.of(spec(Access.SSM, Market.ON_DEMAND, EfaMode.ON, false));
        String yaml = export(stack);
        String broken = yaml.replace("ImdsSupport: \"v2.0\"", "ImdsSupport: \"v1.5\"").replace("MinCount: 1", "MinCount: \"one\"");
        assertThat(broken).isNotEqualTo(yaml);

        ParallelClusterSchema.Result result = load(stack, broken);

        assertThat(result.loaded()).isFalse();
        assertThat(result.output()).contains("ImdsSupport", "MinCount");
    }

    @Test
    void theSecuritySettingsAreTheSpecsFieldByField() throws Exception {
        LaunchSpec spec = Fixtures.valid(spec(Access.SSM, Market.ON_DEMAND, EfaMode.AUTO, false).toBuilder()
                .dataPrefix("runs/").bucketAccess(BucketAccess.READ_WRITE).rootVolumeGiB(150).dataVolumeGiB(700).build());
        Blueprint stack = Blueprint.of(spec);
        JsonNode c = tree(export(stack));

        assertThat(c.path("Region").asText()).isEqualTo("us-east-1");
        assertThat(c.at("/Imds/ImdsSupport").asText()).isEqualTo("v2.0");
        JsonNode head = c.path("HeadNode");
        assertThat(head.path("InstanceType").asText()).isEqualTo("t3.medium");
        assertThat(head.at("/Imds/Secured").asBoolean()).isTrue();
        assertThat(head.at("/Networking/SubnetId").asText()).isEqualTo(ClusterModel.SUBNET_PLACEHOLDER);
        // SSM: no key, and the port 22 rule ParallelCluster always makes matches no network.
        assertThat(head.at("/Ssh/KeyName").isMissingNode()).isTrue();
        assertThat(head.at("/Ssh/AllowedIps").asText()).isEqualTo("127.0.0.1/32");
        JsonNode queue = c.at("/Scheduling/SlurmQueues/0");
        for (JsonNode node : List.of(head, queue)) {
            JsonNode root = node.has("LocalStorage") ? node.at("/LocalStorage/RootVolume") : node.at("/ComputeSettings/LocalStorage/RootVolume");
            assertThat(root.path("Encrypted").asBoolean()).isTrue();
            assertThat(root.path("Size").asInt()).isEqualTo(150);
            JsonNode s3 = node.at("/Iam/S3Access");
            assertThat(s3.size()).isEqualTo(1);
            assertThat(s3.at("/0/BucketName").asText()).isEqualTo("my-datasets");
            assertThat(s3.at("/0/KeyName").asText()).isEqualTo("runs/*");
            assertThat(s3.at("/0/EnableWriteAccess").asBoolean()).isTrue();
            assertThat(node.at("/Iam/AdditionalIamPolicies/0/Policy").asText())
                    .isEqualTo("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
            assertThat(node.at("/Iam/AdditionalIamPolicies").size()).isEqualTo(1);
        }
        assertThat(queue.at("/Networking/SubnetIds/0").asText()).isEqualTo(ClusterModel.SUBNET_PLACEHOLDER);
        assertThat(queue.at("/Networking/AssignPublicIp").asBoolean()).isFalse();
        assertThat(queue.at("/ComputeResources/0/InstanceType").asText()).isEqualTo("g5.48xlarge");
        assertThat(queue.at("/ComputeResources/0/MinCount").asInt()).isEqualTo(1);
        assertThat(queue.at("/ComputeResources/0/MaxCount").asInt()).isEqualTo(4);
        // auto: g5.48xlarge supports EFA, so EFA and a placement group.
        assertThat(queue.at("/ComputeResources/0/Efa/Enabled").asBoolean()).isTrue();
        assertThat(queue.at("/Networking/PlacementGroup/Enabled").asBoolean()).isTrue();
        assertThat(c.at("/Scheduling/SlurmSettings/ScaledownIdletime").asInt()).isEqualTo(45);
        JsonNode data = c.at("/SharedStorage/0");
        assertThat(data.path("MountDir").asText()).isEqualTo("/mnt/data");
        assertThat(data.at("/EbsSettings/Encrypted").asBoolean()).isTrue();
        assertThat(data.at("/EbsSettings/Size").asInt()).isEqualTo(700);
        assertThat(data.at("/EbsSettings/DeletionPolicy").asText()).isEqualTo("Retain");
        List<String> tags = new ArrayList<>();
        c.path("Tags").forEach(t -> tags.add(t.path("Key").asText() + "=" + t.path("Value").asText()));
        assertThat(tags).containsExactly("project=nlp", "hangar:launch-id=" + stack.launchId(), "hangar:name=llama-finetune");
    }

    @Test
    void sshAccessGivesTheKeyAndOnlyTheSpecsCidrAndNoSessionManagerPolicy() throws Exception {
        JsonNode c = tree(export(Blueprint.of(spec(Access.SSH, Market.SPOT, EfaMode.OFF, false))));

        assertThat(c.at("/HeadNode/Ssh/KeyName").asText()).isEqualTo("my-key");
        assertThat(c.at("/HeadNode/Ssh/AllowedIps").asText()).isEqualTo("203.0.113.7/32");
        assertThat(c.at("/HeadNode/Iam/AdditionalIamPolicies").isMissingNode()).isTrue();
        assertThat(c.at("/HeadNode/Iam/S3Access/0/KeyName").asText()).isEqualTo("*");
        assertThat(c.at("/HeadNode/Iam/S3Access/0/EnableWriteAccess").asBoolean()).isFalse();
        assertThat(c.at("/Scheduling/SlurmQueues/0/CapacityType").asText()).isEqualTo("SPOT");
        assertThat(c.at("/Scheduling/SlurmQueues/0/Networking/PlacementGroup").isMissingNode()).isTrue();
    }

    @Test
    void whatTheAccountSaysDecidesEfaTheImageAndTheSubnet() throws Exception {
        LaunchSpec spec = Fixtures.valid(spec(Access.SSM, Market.ON_DEMAND, EfaMode.AUTO, false).toBuilder()
                .instanceType("g5.xlarge").build());
        Blueprint offline = Blueprint.of(spec);
        assertThat(offline.cluster().efa()).isFalse();
        assertThat(offline.cluster().os()).isEqualTo("alinux2023");
        assertThat(offline.cluster().customAmi()).isNull();

        Blueprint online = offline.withClusterFacts(new ClusterFacts(true,
                "Deep Learning OSS Nvidia Driver AMI GPU PyTorch 2.7 (Ubuntu 22.04) 20250601", "Ubuntu 22.04", null, "subnet-0aaaabbbbccccdddd"));
        assertThat(online.cluster().efa()).isTrue();
        assertThat(online.cluster().efaReason()).contains("DescribeInstanceTypes");
        assertThat(online.cluster().os()).isEqualTo("ubuntu2204");
        assertThat(online.cluster().subnetId()).isEqualTo("subnet-0aaaabbbbccccdddd");
        String yaml = export(online);
        assertThat(yaml).doesNotContain(ClusterModel.SUBNET_PLACEHOLDER).doesNotContain("CustomAmi");

        Blueprint pcAmi = offline.withClusterFacts(new ClusterFacts(null,
                "aws-parallelcluster-3.16.1-ubuntu-2404-lts-hvm-x86_64-202512010000", null, null, null));
        assertThat(pcAmi.cluster().customAmi()).isEqualTo(spec.amiId());
        assertThat(pcAmi.cluster().os()).isEqualTo("ubuntu2404");
        assertThat(load(pcAmi, export(pcAmi)).loaded()).isTrue();
    }

    @Test
    void anOfflineExportSaysHowToFindTheSubnet() {
        String yaml = export(Blueprint.of(spec(Access.SSM, Market.ON_DEMAND, EfaMode.AUTO, true)));

        assertThat(yaml).contains("# " + ClusterModel.SUBNET_PLACEHOLDER + " stands for the subnet")
                .contains("Name=tag:hangar:network,Values=us-east-1 Name=tag:hangar:network-part,Values=private-subnet")
                .contains("#   pcluster create-cluster --cluster-name hangar-llama-finetune-")
                .contains("was taken for an On-Demand Capacity Reservation");
    }

    @Test
    void anIsolatedNetworkSaysWhatParallelClusterStillNeeds() {
        LaunchSpec isolated = Fixtures.valid(spec(Access.SSM, Market.ON_DEMAND, EfaMode.AUTO, false).toBuilder()
                .network(dev.hangar.spec.NetworkMode.ISOLATED).build());
        String yaml = export(Blueprint.of(isolated));

        assertThat(yaml).contains("# network isolated: ParallelCluster without a route out needs interface endpoints")
                .contains("Values=isolated-subnet");
    }

    @Test
    void aSpecWithoutClusterIsAClearError() {
        assertThatIllegalArgumentException().isThrownBy(() -> export(Blueprint.of(Fixtures.ssm())))
                .withMessageContaining("--format parallelcluster needs a spec with \"cluster\"");
    }
}
