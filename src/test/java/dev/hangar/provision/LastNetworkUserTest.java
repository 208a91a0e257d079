package dev.hangar.provision;

import static dev.hangar.provision.NetworkInventoryTest.journalLaunch;
import static dev.hangar.provision.NetworkInventoryTest.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.blueprint.LaunchTags;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchJournal;
import dev.hangar.journal.ResourceKind;
import dev.hangar.journal.ResourceRecord;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.LaunchState;
import dev.hangar.provision.LastNetworkUser.Verdict;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.NetworkMode;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.NetworkFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Whether destroying a launch takes Hangar's network with it: judged on journal records and instances in a network made
 * with the SDK. The launch being destroyed is in the journal as DESTROYING, as it is when {@link Launcher#destroy} asks.
 */
@ExtendWith(LocalAwsExtension.class)
class LastNetworkUserTest {

    @TempDir Path home;
    private LocalAws aws;
    private Ec2Client ec2;
    private JournalStore journal;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        this.ec2 = aws.clients().ec2(LocalAws.REGION);
        this.journal = new JournalStore(home);
    }

    private LaunchRecord destroying(String launchId, LaunchSpec spec) {
        journalLaunch(journal, launchId, spec, LaunchState.DESTROYING);
        return journal.load(launchId).orElseThrow();
    }

    private LastNetworkUser.Decision decide(LaunchRecord destroyed, boolean keepNetwork) {
        return LastNetworkUser.decide(destroyed, keepNetwork, NetworkInventory.find(aws.clients(), journal, LocalAws.REGION));
    }

    @Test
    void theLastUserTakesTheNetworkWithItUnlessAskedToKeepIt() {
        NetworkFixture.create(ec2, LocalAws.REGION, NetworkInventoryTest.CALLER, false, "us-east-1a");
        LaunchRecord last = destroying("last-1a2b", spec("last").build());
        journalLaunch(journal, "gone-3c4d", spec("gone").build(), LaunchState.DESTROYED);
        journalLaunch(journal, "failed-5e6f", spec("failed").build(), LaunchState.ROLLED_BACK);
        journalLaunch(journal, "public-7a8b", spec("public").network(NetworkMode.PUBLIC).build(), LaunchState.SUCCEEDED);
        journalLaunch(journal, "elsewhere-9c0d", spec("elsewhere").region("eu-west-1").build(), LaunchState.SUCCEEDED);

        assertThat(decide(last, false).verdict()).isEqualTo(Verdict.REMOVE);
        assertThat(decide(last, true).verdict()).isEqualTo(Verdict.KEEP_ASKED);
    }

    @Test
    void anotherLaunchOfTheJournalLaunchedOrLaunchingWithTheNetworkKeepsIt() throws Exception {
        NetworkFixture.create(ec2, LocalAws.REGION, NetworkInventoryTest.CALLER, true, "us-east-1a");
        LaunchRecord first = destroying("first-1a2b", spec("first").build());
        journalLaunch(journal, "second-3c4d", spec("second").network(NetworkMode.ISOLATED).build(), LaunchState.SUCCEEDED);
        LastNetworkUser.Decision decision = decide(first, false);
        assertThat(decision.verdict()).isEqualTo(Verdict.IN_USE);
        assertThat(decision.why()).contains("second-3c4d (launched)").doesNotContain("first-1a2b");

        Files.delete(journal.fileOf("second-3c4d"));
        journalLaunch(journal, "third-5e6f", spec("third").build(), LaunchState.LAUNCHING);
        assertThat(decide(first, false).why()).contains("third-5e6f (launching)");
    }

    @Test
    void anyInstanceInsideKeepsItHangarsOrNot() {
        NetworkFixture.Network net = NetworkFixture.create(ec2, LocalAws.REGION, NetworkInventoryTest.CALLER, false, "us-east-1a", "us-east-1b");
        LaunchRecord last = destroying("last-1a2b", spec("last").build());
        String foreign = NetworkFixture.runInstance(ec2, net.privateSubnets().get("us-east-1b"), Map.of());
        LastNetworkUser.Decision decision = decide(last, false);
        assertThat(decision.verdict()).isEqualTo(Verdict.IN_USE);
        assertThat(decision.why()).contains(foreign, "not launched by Hangar");

        ec2.terminateInstances(r -> r.instanceIds(foreign));
        String teammates = NetworkFixture.runInstance(ec2, net.privateSubnets().get("us-east-1a"), Map.of(LaunchTags.LAUNCH_ID, "theirs-7a8b"));
        ec2.stopInstances(r -> r.instanceIds(teammates));
        assertThat(decide(last, false).why()).as("a stopped instance of a launch in another journal").contains(teammates, "launch theirs-7a8b")
                .doesNotContain(foreign);

        ec2.terminateInstances(r -> r.instanceIds(teammates));
        assertThat(decide(last, false).verdict()).as("terminated instances do not count").isEqualTo(Verdict.REMOVE);
    }

    @Test
    void aDamagedJournalFileKeepsIt() throws Exception {
        NetworkFixture.create(ec2, LocalAws.REGION, NetworkInventoryTest.CALLER, false, "us-east-1a");
        LaunchRecord last = destroying("last-1a2b", spec("last").build());
        journalLaunch(journal, "torn-3c4d", spec("torn").build(), LaunchState.SUCCEEDED);
        Files.writeString(journal.fileOf("torn-3c4d"), Files.readString(journal.fileOf("torn-3c4d")).substring(0, 40));
        LastNetworkUser.Decision decision = decide(last, false);
        assertThat(decision.verdict()).isEqualTo(Verdict.IN_USE);
        assertThat(decision.why()).contains("torn-3c4d", "damaged");
    }

    @Test
    void aLaunchThatDidNotUseTheNetworkLeavesItAndNoNetworkIsNothingToDo() {
        LaunchRecord last = destroying("last-1a2b", spec("last").build());
        assertThat(decide(last, false).verdict()).isEqualTo(Verdict.NONE_STANDING);

        NetworkFixture.create(ec2, LocalAws.REGION, NetworkInventoryTest.CALLER, false, "us-east-1a");
        assertThat(decide(destroying("public-3c4d", spec("public").network(NetworkMode.PUBLIC).build()), false).verdict()).isEqualTo(Verdict.NOT_USED);
        assertThat(decide(destroying("subnet-5e6f", spec("subnet").subnetId("subnet-0123456789abcdef0").build()), false).verdict())
                .isEqualTo(Verdict.NOT_USED);
    }

    @Test
    void theNetworkPartsTheLaunchJournaledAreMarkedKeptWhileTheNetworkStandsAndDeletedWhenItGoes() {
        NetworkFixture.Network net = NetworkFixture.create(ec2, LocalAws.REGION, NetworkInventoryTest.CALLER, false, "us-east-1a");
        // As the launch that created the network journals its parts.
        LaunchJournal live = LaunchJournal.begin(journal, Clock.systemUTC(), "creator-1a2b", spec("creator").build(), List.of());
        live.created(ResourceKind.NETWORK_VPC, net.vpcId(), "network");
        live.created(ResourceKind.NETWORK_NAT_GATEWAY, net.natGatewayId(), "network");
        live.created(ResourceKind.INSTANCE, "i-0123456789abcdef0", "instance");
        live.deleted(ResourceKind.INSTANCE, "i-0123456789abcdef0");
        live.state(LaunchState.DESTROYING, "destroy requested");
        List<LaunchEvent> events = new ArrayList<>();
        LastNetworkUser last = new LastNetworkUser(aws.clients(), journal, new Waits(Pacing.fast(), new AtomicBoolean()));

        LastNetworkUser.Outcome kept = last.settle(live, true, events::add);
        assertThat(kept.sentence()).contains("was kept (--keep-network)");
        assertThat(states(live)).containsEntry(net.vpcId(), ResourceRecord.KEPT).containsEntry(net.natGatewayId(), ResourceRecord.KEPT);
        assertThat(events).extracting(LaunchEvent::describe).contains("  kept network-vpc " + net.vpcId());

        LastNetworkUser.Outcome removed = last.settle(live, false, events::add);
        assertThat(removed.failures()).isEmpty();
        assertThat(removed.sentence()).contains("was removed too");
        assertThat(states(live)).containsEntry(net.vpcId(), ResourceRecord.DELETED).containsEntry(net.natGatewayId(), ResourceRecord.DELETED);
        assertThat(NetworkFixture.leftovers(ec2, LocalAws.REGION)).isEmpty();
    }

    private static Map<String, String> states(LaunchJournal live) {
        return live.snapshot().resources().stream().collect(Collectors.toMap(ResourceRecord::id, ResourceRecord::state));
    }
}
