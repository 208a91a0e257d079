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
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * {@code sweep} and Hangar's network: an orphaned network is one leftover of kind {@code network}, removed as a whole with
 * {@code --delete}; a network with an instance inside is never removed, one a launch of the journal uses is no leftover,
 * and one another caller created is left alone unless {@code --any-creator}.
 */
@ExtendWith({LocalAwsExtension.class, TestCredentials.class})
class SweepNetworkTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TEAMMATE_ARN = "arn:aws:iam::" + LocalAws.ACCOUNT_ID + ":user/teammate";

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

    private InProcessCli.Result sweep(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("sweep", "--region", LocalAws.REGION));
        args.addAll(List.of(more));
        InProcessCli.Result r = InProcessCli.run(aws.uri(), home, args.toArray(String[]::new));
        assertThat(r.exit()).as(r.toString()).isZero();
        return r;
    }

    private static List<JsonNode> ofKind(JsonNode rows, String kind) {
        return StreamSupport.stream(rows.spliterator(), false).filter(r -> r.get("kind").asText().equals(kind)).toList();
    }

    @Test
    void anOrphanedNetworkIsListedAsOneLeftoverAndDeleteRemovesAllOfIt() throws Exception {
        NetworkFixture.Network net = NetworkFixture.create(ec2, LocalAws.REGION, caller, true, "us-east-1a");
        aws.endpoint().clearRecord();

        JsonNode listed = JSON.readTree(sweep("--json").out());
        assertThat(aws.endpoint().mutatingRequests()).as("listing changes nothing").isEmpty();
        List<JsonNode> networks = ofKind(listed.get("resources"), "network");
        assertThat(networks).hasSize(1);
        JsonNode network = networks.get(0);
        assertThat(network.get("id").asText()).isEqualTo(net.vpcId());
        assertThat(network.get("launchId").isNull()).isTrue();
        assertThat(network.get("why").asText()).isEqualTo("no launch or instance uses it");
        assertThat(network.get("detail").asText()).contains(net.vpcId(), "3 subnets", "NAT gateway", "Elastic IP", "6 endpoints");
        assertThat(network.get("createdBy").asText()).isEqualTo(caller);

        InProcessCli.Result text = sweep();
        assertThat(text.out()).contains("network", net.vpcId(), "Hangar's network in us-east-1 left behind", "sweep --delete");

        InProcessCli.Result deleted = sweep("--delete", "--yes");
        assertThat(deleted.out()).contains("removed network-nat-gateway " + net.natGatewayId(), "removed network-vpc " + net.vpcId(),
                "removed Hangar's network in us-east-1.");
        assertThat(NetworkFixture.leftovers(ec2, LocalAws.REGION)).isEmpty();
        assertThat(sweep().out()).contains("nothing left behind");
    }

    @Test
    void aNetworkWithAnInstanceInsideIsNeverRemoved() throws Exception {
        NetworkFixture.Network net = NetworkFixture.create(ec2, LocalAws.REGION, caller, false, "us-east-1a");
        String inside = NetworkFixture.runInstance(ec2, net.privateSubnets().get("us-east-1a"), Map.of());

        JsonNode listed = JSON.readTree(sweep("--json", "--include-live", "--any-creator").out());
        assertThat(ofKind(listed.get("resources"), "network")).isEmpty();
        List<JsonNode> spared = ofKind(listed.get("leftAlone"), "network");
        assertThat(spared).hasSize(1);
        assertThat(spared.get(0).get("reason").asText()).contains("instances inside", inside, "not launched by Hangar");

        sweep("--delete", "--include-live", "--any-creator", "--yes");
        assertThat(NetworkFixture.leftovers(ec2, LocalAws.REGION)).hasSize(net.partCount());
        assertThat(ec2.describeInstances(r -> r.instanceIds(inside)).reservations().get(0).instances().get(0).state().nameAsString()).isEqualTo("running");
    }

    @Test
    void aForgottenLaunchInsideGoesFirstAndTheNetworkAfterItInOneSweep() throws Exception {
        NetworkFixture.Network net = NetworkFixture.create(ec2, LocalAws.REGION, caller, false, "us-east-1a");
        String forgotten = NetworkFixture.runInstance(ec2, net.privateSubnets().get("us-east-1a"),
                Map.of(LaunchTags.LAUNCH_ID, "forgotten-1a2b", LaunchTags.CREATED_BY, caller));

        JsonNode safe = JSON.readTree(sweep("--json").out());
        assertThat(ofKind(safe.get("leftAlone"), "network").get(0).get("reason").asText()).as("the instance stays without --include-live")
                .contains("instances inside", forgotten);

        JsonNode live = JSON.readTree(sweep("--json", "--include-live").out());
        assertThat(ofKind(live.get("resources"), "network").get(0).get("why").asText()).contains("its instances are removed first");

        InProcessCli.Result deleted = sweep("--delete", "--include-live", "--yes");
        assertThat(deleted.out()).contains("removed instance " + forgotten, "removed network-vpc " + net.vpcId(),
                "removed 1 resource of 1 launch and Hangar's network in us-east-1.");
        List<String> order = aws.endpoint().mutatingRequests().stream().map(r -> r.action()).toList();
        assertThat(order.indexOf("TerminateInstances")).isLessThan(order.indexOf("DeleteNatGateway"));
        assertThat(NetworkFixture.leftovers(ec2, LocalAws.REGION)).isEmpty();
    }

    @Test
    void aNetworkALaunchOfTheJournalUsesIsNoLeftover() throws Exception {
        NetworkFixture.create(ec2, LocalAws.REGION, caller, false, "us-east-1a");
        LaunchSpec spec = LaunchSpec.builder().name("llama").region(LocalAws.REGION).amiId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType("g5.xlarge")
                .dataBucket("data").build();
        LaunchJournal.begin(new JournalStore(home), Clock.systemUTC(), "llama-1a2b", spec, List.of()).state(LaunchState.SUCCEEDED, "launched");

        JsonNode listed = JSON.readTree(sweep("--json", "--include-live", "--any-creator").out());
        assertThat(ofKind(listed.get("resources"), "network")).isEmpty();
        assertThat(ofKind(listed.get("leftAlone"), "network")).isEmpty();
    }

    @Test
    void anotherCallersNetworkIsLeftAloneUnlessAnyCreator() throws Exception {
        NetworkFixture.Network net = NetworkFixture.create(ec2, LocalAws.REGION, TEAMMATE_ARN, false, "us-east-1a");

        JsonNode listed = JSON.readTree(sweep("--json").out());
        assertThat(ofKind(listed.get("leftAlone"), "network").get(0).get("reason").asText()).contains("created by " + TEAMMATE_ARN, "--any-creator");
        sweep("--delete", "--yes");
        assertThat(NetworkFixture.leftovers(ec2, LocalAws.REGION)).hasSize(net.partCount());

        sweep("--delete", "--any-creator", "--yes");
        assertThat(NetworkFixture.leftovers(ec2, LocalAws.REGION)).isEmpty();
    }
}
