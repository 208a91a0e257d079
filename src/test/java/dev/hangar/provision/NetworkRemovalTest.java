package dev.hangar.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.journal.JournalStore;
import dev.hangar.journal.ResourceKind;
import dev.hangar.testing.Fault;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.NetworkFixture;
import dev.hangar.testing.RecordedRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** {@link NetworkRemoval} against a network made directly with the SDK: all of it goes, in an order AWS accepts. */
@ExtendWith(LocalAwsExtension.class)
class NetworkRemovalTest {

    @TempDir Path home;
    private LocalAws aws;
    private Ec2Client ec2;
    private JournalStore journal;
    private final List<LaunchEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        this.ec2 = aws.clients().ec2(LocalAws.REGION);
        this.journal = new JournalStore(home);
    }

    private NetworkInventory inventory() {
        return NetworkInventory.find(aws.clients(), journal, LocalAws.REGION);
    }

    private NetworkRemoval.Outcome removeUnless(Function<NetworkInventory, Optional<String>> whyKeep) {
        return new NetworkRemoval(aws.clients(), journal, new Waits(Pacing.fast(), new AtomicBoolean())).removeUnless(LocalAws.REGION, whyKeep, events::add);
    }

    /** Removes it unconditionally (but for what always keeps it); what could not be removed. */
    private List<String> remove() {
        NetworkRemoval.Outcome outcome = removeUnless(n -> Optional.empty());
        assertThat(outcome.keptBecause()).isEmpty();
        return outcome.failures();
    }

    @Test
    void removesEveryPartInDependencyOrderAndReleasesTheAddressOnlyOnceTheNatGatewayIsDeleted() {
        NetworkFixture.Network net = NetworkFixture.create(ec2, LocalAws.REGION, NetworkInventoryTest.CALLER, true, "us-east-1a", "us-east-1b");
        // AWS takes about a minute to delete a NAT gateway; moto none: it is "deleting" for the first three looks.
        Fault deleting = aws.endpoint().inject(Fault.on("ec2", "DescribeNatGateways").when(p -> p.containsKey("NatGatewayId.1"))
                .rewrite("<state>deleted</state>", "<state>deleting</state>").times(3));
        aws.endpoint().clearRecord();

        List<String> failures = remove();

        assertThat(failures).isEmpty();
        List<RecordedRequest> calls = aws.endpoint().requests();
        long natLooks = aws.endpoint().requests("ec2", "DescribeNatGateways").stream().filter(r -> r.params().containsKey("NatGatewayId.1")).count();
        assertThat(NetworkFixture.leftovers(ec2, LocalAws.REGION)).as("nothing tagged hangar:network is left").isEmpty();
        assertThat(ec2.describeNatGateways(r -> r.natGatewayIds(net.natGatewayId())).natGateways().get(0).stateAsString()).isEqualTo("deleted");
        assertThat(ec2.describeAddresses().addresses()).extracting(a -> a.allocationId()).doesNotContain(net.allocationId());
        assertThat(ec2.describeVpcs().vpcs()).extracting(v -> v.vpcId()).doesNotContain(net.vpcId());
        assertThat(ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(net.s3EndpointId())).vpcEndpoints().get(0).stateAsString()).isEqualToIgnoringCase("deleted");

        List<String> mutating = aws.endpoint().mutatingRequests().stream().map(RecordedRequest::action).toList();
        int natDeleted = mutating.indexOf("DeleteNatGateway");
        assertThat(mutating.indexOf("DeleteVpcEndpoints")).isLessThan(natDeleted);
        assertThat(deleting.fired()).as("the NAT gateway was seen deleting").isEqualTo(3);
        int released = indexOf(calls, "ReleaseAddress");
        int deletedSeen = lastIndexBefore(calls, "DescribeNatGateways", released);
        assertThat(deletedSeen).as("ReleaseAddress follows the look that found the NAT gateway deleted").isGreaterThan(indexOf(calls, "DeleteNatGateway"));
        assertThat(natLooks).as("three looks saw it deleting, the fourth deleted").isEqualTo(4);
        assertThat(mutating.indexOf("DisassociateRouteTable")).isGreaterThan(mutating.indexOf("ReleaseAddress"));
        assertThat(mutating.indexOf("DeleteRouteTable")).isGreaterThan(mutating.indexOf("DisassociateRouteTable"));
        assertThat(mutating.indexOf("DeleteSubnet")).isGreaterThan(mutating.lastIndexOf("DeleteRouteTable"));
        assertThat(mutating.indexOf("DetachInternetGateway")).isGreaterThan(mutating.lastIndexOf("DeleteSubnet"));
        assertThat(mutating.indexOf("DeleteInternetGateway")).isGreaterThan(mutating.indexOf("DetachInternetGateway"));
        assertThat(mutating.indexOf("DeleteSecurityGroup")).isGreaterThan(mutating.indexOf("DeleteInternetGateway"));
        assertThat(mutating.get(mutating.size() - 1)).as("the VPC goes last").isEqualTo("DeleteVpc");

        List<String> removed = events.stream().filter(e -> e instanceof LaunchEvent.ResourceRemoved)
                .map(e -> ((LaunchEvent.ResourceRemoved) e).type()).distinct().toList();
        assertThat(removed).containsExactly(ResourceKind.NETWORK_ENDPOINT, ResourceKind.NETWORK_NAT_GATEWAY, ResourceKind.NETWORK_ELASTIC_IP,
                ResourceKind.NETWORK_ROUTE_TABLE, ResourceKind.NETWORK_SUBNET, ResourceKind.NETWORK_INTERNET_GATEWAY,
                ResourceKind.NETWORK_SECURITY_GROUP, ResourceKind.NETWORK_VPC);
        assertThat(events).filteredOn(e -> e instanceof LaunchEvent.ResourceRemoved).hasSize(net.partCount());
        assertThat(events).anySatisfy(e -> assertThat(e.describe()).contains("waiting", net.natGatewayId(), "being deleted"));
        assertThat(events.get(events.size() - 1).describe()).contains("✓", "Remove Hangar's network in us-east-1");
    }

    @Test
    void refusesWhileAnInstanceIsInsideOrTheCallerSaysSoAndTouchesNothing() {
        NetworkFixture.Network net = NetworkFixture.create(ec2, LocalAws.REGION, NetworkInventoryTest.CALLER, false, "us-east-1a");
        aws.endpoint().clearRecord();
        NetworkRemoval.Outcome asked = removeUnless(n -> Optional.of("kept on purpose"));
        assertThat(asked.keptBecause()).contains("kept on purpose");
        assertThat(asked.network().parts()).hasSize(net.partCount());

        String instance = NetworkFixture.runInstance(ec2, net.privateSubnets().get("us-east-1a"), Map.of());
        aws.endpoint().clearRecord();
        NetworkRemoval.Outcome refused = removeUnless(n -> Optional.empty());
        assertThat(refused.keptBecause().orElseThrow()).contains(instance, "not launched by Hangar");
        assertThat(refused.removed()).isFalse();

        assertThat(aws.endpoint().mutatingRequests()).isEmpty();
        assertThat(events).isEmpty();
        assertThat(NetworkFixture.leftovers(ec2, LocalAws.REGION)).hasSize(net.partCount());
    }

    @Test
    void whatIsGoneAlreadyCountsAsRemoved() {
        NetworkFixture.Network net = NetworkFixture.create(ec2, LocalAws.REGION, NetworkInventoryTest.CALLER, false, "us-east-1a");
        // Gone between the read and the removal: as when two removals race, or a retry follows an answer that was lost.
        NetworkRemoval.Outcome outcome = removeUnless(read -> {
            ec2.deleteNatGateway(r -> r.natGatewayId(net.natGatewayId()));
            ec2.releaseAddress(r -> r.allocationId(net.allocationId()));
            String table = net.routeTableIds().get(0); // the public one: moto cannot delete a gateway endpoint whose table is gone
            ec2.describeRouteTables(r -> r.routeTableIds(table)).routeTables().get(0).associations()
                    .forEach(a -> ec2.disassociateRouteTable(r -> r.associationId(a.routeTableAssociationId())));
            ec2.deleteRouteTable(r -> r.routeTableId(table));
            ec2.deleteSubnet(r -> r.subnetId(net.privateSubnets().get("us-east-1a")));
            ec2.detachInternetGateway(r -> r.internetGatewayId(net.internetGatewayId()).vpcId(net.vpcId()));
            ec2.deleteInternetGateway(r -> r.internetGatewayId(net.internetGatewayId()));
            return Optional.empty();
        });

        assertThat(outcome.removed()).as(outcome.toString()).isTrue();
        assertThat(events).filteredOn(e -> e instanceof LaunchEvent.ResourceRemovalFailed).isEmpty();
        assertThat(NetworkFixture.leftovers(ec2, LocalAws.REGION)).isEmpty();
        events.clear();
        NetworkRemoval.Outcome again = removeUnless(n -> Optional.empty());
        assertThat(again.network().isEmpty()).isTrue();
        assertThat(again.removed()).isTrue();
        assertThat(events).as("none left: nothing to do").isEmpty();
    }

    @Test
    void oneFailureDoesNotStopTheRestAndTheVpcStaysWithWhatFailed() {
        NetworkFixture.Network net = NetworkFixture.create(ec2, LocalAws.REGION, NetworkInventoryTest.CALLER, false, "us-east-1a");
        aws.endpoint().inject(Fault.on("ec2", "DeleteInternetGateway").error(403, "UnauthorizedOperation", "You are not authorized to perform this operation.").always());

        List<String> failures = remove();

        assertThat(failures).hasSize(2);
        assertThat(failures.get(0)).contains(ResourceKind.NETWORK_INTERNET_GATEWAY, net.internetGatewayId(), "UnauthorizedOperation");
        assertThat(failures.get(1)).contains(ResourceKind.NETWORK_VPC, net.vpcId(), "not everything in it could be removed");
        assertThat(aws.endpoint().count("ec2", "DeleteVpc")).as("not tried: AWS would refuse").isZero();
        assertThat(NetworkFixture.leftovers(ec2, LocalAws.REGION)).containsExactlyInAnyOrder("vpc " + net.vpcId(),
                "internet gateway " + net.internetGatewayId());
        assertThat(events.get(events.size() - 1).describe()).contains("✗", "2 parts could not be removed");

        aws.endpoint().clearFaults();
        assertThat(remove()).as("a second run finishes the job").isEmpty();
        assertThat(NetworkFixture.leftovers(ec2, LocalAws.REGION)).isEmpty();
    }

    @Test
    void aLaunchsSecurityGroupLeftInTheVpcKeepsItAndIsNamed() {
        NetworkFixture.Network net = NetworkFixture.create(ec2, LocalAws.REGION, NetworkInventoryTest.CALLER, false, "us-east-1a");
        String group = ec2.createSecurityGroup(r -> r.vpcId(net.vpcId()).groupName("hangar-llama-1a2b").description("a launch's")
                .tagSpecifications(t -> t.resourceType("security-group").tags(tg -> tg.key(dev.hangar.blueprint.LaunchTags.LAUNCH_ID).value("llama-1a2b"))))
                .groupId();

        List<String> failures = remove();

        assertThat(failures).singleElement().asString().contains(ResourceKind.NETWORK_VPC, net.vpcId(), group + " (launch llama-1a2b)", "is still in it");
        assertThat(aws.endpoint().count("ec2", "DeleteVpc")).as("not tried, so no wait for a dependency that will not go").isZero();
        assertThat(NetworkFixture.leftovers(ec2, LocalAws.REGION)).containsExactly("vpc " + net.vpcId());
    }

    private static int indexOf(List<RecordedRequest> calls, String action) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).action().equals(action)) {
                return i;
            }
        }
        throw new AssertionError(action + " was not called: " + calls.stream().map(RecordedRequest::action).toList());
    }

    private static int lastIndexBefore(List<RecordedRequest> calls, String action, int before) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < before; i++) {
            if (calls.get(i).action().equals(action)) {
                found.add(i);
            }
        }
        return found.isEmpty() ? -1 : found.get(found.size() - 1);
    }
}
