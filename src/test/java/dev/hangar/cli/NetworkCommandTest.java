package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.blueprint.LaunchTags;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchJournal;
import dev.hangar.journal.LaunchState;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.NetworkFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** {@code hangar network status} and {@code hangar network destroy} against a network made with the SDK. */
@ExtendWith({LocalAwsExtension.class, TestCredentials.class})
class NetworkCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path home;
    private LocalAws aws;
    private Ec2Client ec2;
    private String caller;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        this.ec2 = aws.clients().ec2(LocalAws.REGION);
        this.caller = aws.clients().sts(LocalAws.REGION).getCallerIdentity().arn();
    }

    private InProcessCli.Result run(String... args) {
        return InProcessCli.run(aws.uri(), home, args);
    }

    @Test
    void statusListsPartsModesUsersAndTheCostPerHour() throws Exception {
        NetworkFixture.Network net = NetworkFixture.create(ec2, LocalAws.REGION, caller, true, "us-east-1a", "us-east-1b");
        String instance = NetworkFixture.runInstance(ec2, net.privateSubnets().get("us-east-1a"), Map.of(LaunchTags.LAUNCH_ID, "llama-1a2b"));
        String foreign = NetworkFixture.runInstance(ec2, net.isolatedSubnets().get("us-east-1b"), Map.of());
        LaunchSpec spec = LaunchSpec.builder().name("llama").region(LocalAws.REGION).amiId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType("g5.xlarge")
                .dataBucket("data").build();
        LaunchJournal.begin(new JournalStore(home), Clock.systemUTC(), "llama-1a2b", spec, List.of()).state(LaunchState.SUCCEEDED, "launched");
        aws.endpoint().clearRecord();

        InProcessCli.Result json = run("network", "status", "--region", LocalAws.REGION, "--region", "us-west-2", "--json");

        assertThat(json.exit()).as(json.toString()).isZero();
        assertThat(aws.endpoint().mutatingRequests()).isEmpty();
        JsonNode result = JSON.readTree(json.out());
        assertThat(result.get("regions").toString()).isEqualTo("[\"us-east-1\",\"us-west-2\"]");
        assertThat(result.get("networks")).as("only regions with a network").hasSize(1);
        JsonNode network = result.get("networks").get(0);
        assertThat(network.get("region").asText()).isEqualTo(LocalAws.REGION);
        assertThat(network.get("modes").toString()).isEqualTo("[\"private\",\"isolated\"]");
        assertThat(network.get("parts")).hasSize(net.partCount());
        assertThat(network.get("parts").findValuesAsText("id")).contains(net.vpcId(), net.natGatewayId(), net.allocationId(), net.internetGatewayId(),
                net.s3EndpointId(), net.endpointGroupId(), net.publicSubnetId());
        assertThat(network.get("parts").findValuesAsText("part")).contains("vpc", "private-subnet", "isolated-subnet", "public-subnet",
                "private-route-table", "nat-gateway", "elastic-ip", "s3-endpoint", "interface-endpoint", "endpoint-security-group");
        JsonNode usedBy = network.get("usedBy");
        assertThat(usedBy.get("launches").get(0).get("launchId").asText()).isEqualTo("llama-1a2b");
        assertThat(usedBy.get("launches").get(0).get("state").asText()).isEqualTo("succeeded");
        assertThat(usedBy.get("instances")).hasSize(2);
        assertThat(usedBy.get("instances").findValuesAsText("instanceId")).containsExactlyInAnyOrder(instance, foreign);
        assertThat(usedBy.get("instances").findValues("launchedByHangar").stream().map(JsonNode::asBoolean)).containsExactlyInAnyOrder(true, false);
        assertThat(network.get("inUse").asBoolean()).isTrue();
        // NAT gateway 0.045 + its public IPv4 address 0.005 + five interface endpoints in two zones at 0.01 each.
        assertThat(network.get("costPerHour").asDouble()).isEqualTo(0.15);
        assertThat(network.get("perGb").asText()).contains("$0.045 per GB through the NAT gateway", "$0.01 per GB through the interface endpoints");

        InProcessCli.Result text = run("network", "status", "--region", LocalAws.REGION, "--region", "us-west-2");
        assertThat(text.exit()).as(text.toString()).isZero();
        assertThat(text.out()).contains("Hangar's network in us-east-1 (serves private and isolated)", net.natGatewayId(), "us-east-1b",
                "Used by: 2 instances are inside", foreign, "not launched by Hangar", "llama-1a2b (launched)",
                "Cost while it stands: $0.150 per hour (about $110 per month), plus $0.045 per GB", "No Hangar network in us-west-2.");
    }

    @Test
    void destroyRefusesWhileAnInstanceIsInsideAndLeavesEverything() {
        NetworkFixture.Network net = NetworkFixture.create(ec2, LocalAws.REGION, caller, false, "us-east-1a");
        String instance = NetworkFixture.runInstance(ec2, net.privateSubnets().get("us-east-1a"), Map.of());
        aws.endpoint().clearRecord();

        InProcessCli.Result refused = run("network", "destroy", "--region", LocalAws.REGION, "--yes");

        assertThat(refused.exit()).as(refused.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(refused.err()).contains("Hangar's network in us-east-1 is in use and stays", instance, "running");
        assertThat(aws.endpoint().mutatingRequests()).isEmpty();
        assertThat(NetworkFixture.leftovers(ec2, LocalAws.REGION)).hasSize(net.partCount());
        assertThat(ec2.describeInstances(r -> r.instanceIds(instance)).reservations().get(0).instances().get(0).state().nameAsString()).isEqualTo("running");
    }

    @Test
    void destroyAsksThenRemovesEveryPart() {
        NetworkFixture.Network net = NetworkFixture.create(ec2, LocalAws.REGION, caller, true, "us-east-1a");
        aws.endpoint().clearRecord();

        InProcessCli.Result unconfirmed = run("network", "destroy", "--region", LocalAws.REGION);
        assertThat(unconfirmed.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(unconfirmed.err()).contains("Not removed: confirm with --yes");
        assertThat(aws.endpoint().mutatingRequests()).isEmpty();

        InProcessCli.Result removed = run("network", "destroy", "--region", LocalAws.REGION, "--yes");
        assertThat(removed.exit()).as(removed.toString()).isZero();
        assertThat(removed.out()).contains("removed network-nat-gateway " + net.natGatewayId(), "removed network-elastic-ip " + net.allocationId(),
                "removed network-vpc " + net.vpcId(), "Removed Hangar's network in us-east-1.");
        assertThat(NetworkFixture.leftovers(ec2, LocalAws.REGION)).isEmpty();

        assertThat(run("network", "status", "--region", LocalAws.REGION).out()).contains("No Hangar network in us-east-1.");
        InProcessCli.Result again = run("network", "destroy", "--region", LocalAws.REGION, "--yes");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("No Hangar network in us-east-1: nothing to remove.");
    }

    @Test
    void networkAloneListsItsCommands() {
        InProcessCli.Result help = run("network");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("status", "destroy");
    }
}
