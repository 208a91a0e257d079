package dev.hangar.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.blueprint.LaunchTags;
import dev.hangar.blueprint.NetworkModel;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchJournal;
import dev.hangar.journal.LaunchState;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.NetworkMode;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.NetworkFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** {@link NetworkInventory} finds every part of the region's network by its tags, and what uses it, and nothing else. */
@ExtendWith(LocalAwsExtension.class)
class NetworkInventoryTest {

    static final String CALLER = "arn:aws:iam::123456789012:user/researcher";

    @TempDir Path home;

    static LaunchSpec.Builder spec(String name) {
        return LaunchSpec.builder().name(name).region(LocalAws.REGION).amiId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType("g5.xlarge").dataBucket("data");
    }

    /** A launch of the journal in the given state, with nothing in AWS. */
    static void journalLaunch(JournalStore journal, String launchId, LaunchSpec spec, LaunchState state) {
        LaunchJournal.begin(journal, Clock.systemUTC(), launchId, spec, List.of()).state(state, "as a test");
    }

    @Test
    void findsEveryPartByItsTagsAndWhatUsesIt(LocalAws aws) {
        Ec2Client ec2 = aws.clients().ec2(LocalAws.REGION);
        NetworkFixture.Network net = NetworkFixture.create(ec2, LocalAws.REGION, CALLER, true, "us-east-1a", "us-east-1b");
        // Decoys: a VPC with a NAT gateway of someone else's, which moto lists despite the tag filter.
        String otherVpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String otherSubnet = ec2.createSubnet(r -> r.vpcId(otherVpc).cidrBlock("10.1.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        String otherEip = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
        ec2.createNatGateway(r -> r.subnetId(otherSubnet).allocationId(otherEip));
        NetworkFixture.runInstance(ec2, otherSubnet, Map.of());
        String ours = NetworkFixture.runInstance(ec2, net.privateSubnets().get("us-east-1a"), Map.of(LaunchTags.LAUNCH_ID, "llama-1a2b",
                LaunchTags.CREATED_BY, CALLER));
        String foreign = NetworkFixture.runInstance(ec2, net.isolatedSubnets().get("us-east-1b"), Map.of());
        String gone = NetworkFixture.runInstance(ec2, net.privateSubnets().get("us-east-1b"), Map.of());
        ec2.terminateInstances(r -> r.instanceIds(gone));

        JournalStore journal = new JournalStore(home);
        journalLaunch(journal, "llama-1a2b", spec("llama").build(), LaunchState.SUCCEEDED);
        journalLaunch(journal, "early-3c4d", spec("early").network(NetworkMode.ISOLATED).build(), LaunchState.LAUNCHING);
        journalLaunch(journal, "public-5e6f", spec("public").network(NetworkMode.PUBLIC).build(), LaunchState.SUCCEEDED);
        journalLaunch(journal, "subnet-7a8b", spec("subnet").subnetId("subnet-0123456789abcdef0").build(), LaunchState.SUCCEEDED);
        journalLaunch(journal, "ended-9c0d", spec("ended").build(), LaunchState.DESTROYED);
        journalLaunch(journal, "west-1e2f", spec("west").region("us-west-2").build(), LaunchState.SUCCEEDED);
        aws.endpoint().clearRecord();

        NetworkInventory found = NetworkInventory.find(aws.clients(), journal, LocalAws.REGION);

        assertThat(aws.endpoint().mutatingRequests()).as("reading changes nothing").isEmpty();
        assertThat(found.vpcs()).extracting(v -> v.vpcId()).containsExactly(net.vpcId());
        assertThat(found.natGateways()).extracting(n -> n.natGatewayId()).containsExactly(net.natGatewayId());
        assertThat(found.elasticIps()).extracting(a -> a.allocationId()).containsExactly(net.allocationId());
        assertThat(found.internetGateways()).extracting(g -> g.internetGatewayId()).containsExactly(net.internetGatewayId());
        assertThat(found.routeTables()).extracting(t -> t.routeTableId()).containsExactlyInAnyOrderElementsOf(net.routeTableIds());
        assertThat(found.endpoints()).hasSize(6);
        assertThat(found.endpointSecurityGroups()).extracting(g -> g.groupId()).containsExactly(net.endpointGroupId());
        assertThat(found.parts()).hasSize(net.partCount());
        assertThat(found.parts()).filteredOn(p -> p.part().equals(NetworkModel.PART_PRIVATE_SUBNET))
                .extracting(p -> p.id() + " " + p.zone())
                .containsExactlyInAnyOrder(net.privateSubnets().get("us-east-1a") + " us-east-1a", net.privateSubnets().get("us-east-1b") + " us-east-1b");
        assertThat(found.parts()).filteredOn(p -> p.part().equals(NetworkModel.PART_PRIVATE_ROUTES)).extracting(p -> p.zone())
                .containsExactlyInAnyOrder("us-east-1a", "us-east-1b");
        assertThat(found.parts()).filteredOn(p -> p.part().equals(NetworkModel.PART_INTERFACE_ENDPOINT)).extracting(p -> p.detail())
                .containsExactlyInAnyOrder("com.amazonaws.us-east-1.ssm", "com.amazonaws.us-east-1.ssmmessages", "com.amazonaws.us-east-1.ec2messages",
                        "com.amazonaws.us-east-1.monitoring", "com.amazonaws.us-east-1.logs");
        assertThat(found.parts()).filteredOn(p -> p.part().equals(NetworkModel.PART_NAT_GATEWAY)).extracting(p -> p.state() + " " + p.zone())
                .containsExactly("available us-east-1a");
        assertThat(found.servesPrivate()).isTrue();
        assertThat(found.servesIsolated()).isTrue();

        assertThat(found.instances()).extracting(i -> i.instanceId() + " " + i.launchedByHangar() + " " + i.launchId())
                .containsExactlyInAnyOrder(ours + " true llama-1a2b", foreign + " false null");
        assertThat(found.launches()).extracting(l -> l.launchId() + " " + l.state() + " " + l.busy())
                .containsExactlyInAnyOrder("llama-1a2b SUCCEEDED false", "early-3c4d LAUNCHING false");
        assertThat(found.whyInUse(null).orElseThrow()).contains(ours, foreign, "not launched by Hangar", "llama-1a2b", "early-3c4d");
        assertThat(found.whyNotRemovable().orElseThrow()).contains("2 instances are inside", ours, foreign);

        NetworkInventory west = NetworkInventory.find(aws.clients(), journal, "us-west-2");
        assertThat(west.isEmpty()).as("another region's network is its own").isTrue();
        assertThat(west.launches()).extracting(NetworkInventory.LaunchUsing::launchId).containsExactly("west-1e2f");
    }

    @Test
    void aLaunchBeingLaunchedRightNowBarsRemovalButACrashedOneDoesNot(LocalAws aws) {
        NetworkFixture.create(aws.clients().ec2(LocalAws.REGION), LocalAws.REGION, CALLER, false, "us-east-1a");
        JournalStore journal = new JournalStore(home);
        journalLaunch(journal, "crashed-1a2b", spec("crashed").build(), LaunchState.LAUNCHING);
        journalLaunch(journal, "running-3c4d", spec("running").build(), LaunchState.LAUNCHING);
        assertThat(NetworkInventory.find(aws.clients(), journal, LocalAws.REGION).whyNotRemovable()).isEmpty();

        try (var lock = journal.lock("running-3c4d")) {
            NetworkInventory found = NetworkInventory.find(aws.clients(), journal, LocalAws.REGION);
            assertThat(found.whyNotRemovable().orElseThrow()).contains("running-3c4d", "being launched").doesNotContain("crashed-1a2b");
            assertThat(found.servesIsolated()).isFalse();
        }
    }
}
