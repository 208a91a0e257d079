package dev.hangar.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.blueprint.NetworkModel;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.LaunchState;
import dev.hangar.journal.ResourceKind;
import dev.hangar.journal.ResourceRecord;
import dev.hangar.provision.steps.StepIds;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.NetworkMode;
import dev.hangar.testing.Fault;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.RecordedRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * Hangar's own network, launched through the real SDK against the local endpoint and read back with describe calls:
 * where a default (private) and an isolated instance sit and what they can reach, reuse by later launches, one network
 * for two launches at once, what a failed launch leaves, and the last step's wait for Session Manager.
 */
@ExtendWith(LocalAwsExtension.class)
class HangarNetworkTest {

    /** The zones moto offers g5.xlarge in, in us-east-1: a, b, c, d and f. */
    static final int G5_ZONES = 5;

    @TempDir Path home;
    private EngineFixture f;

    @BeforeEach
    void fixture(LocalAws aws) {
        f = new EngineFixture(aws, home);
    }

    private Ec2Client ec2() {
        return f.aws.clients().ec2(LocalAws.REGION);
    }

    private LaunchOutcome launched(LaunchSpec spec) throws InterruptedException {
        LaunchOutcome outcome = f.launch(spec);
        assertThat(outcome.state()).as(outcome.message()).isEqualTo(LaunchState.SUCCEEDED);
        return outcome;
    }

    private Instance instanceOf(LaunchOutcome outcome) {
        return f.instance(outcome.outputs().get("instanceId"));
    }

    private RouteTable routeTableOf(String subnetId) {
        return ec2().describeRouteTables(r -> r.filters(InputFilter.of("association.subnet-id", subnetId))).routeTables().get(0);
    }

    private static Route defaultRoute(RouteTable table) {
        return table.routes().stream().filter(r -> "0.0.0.0/0".equals(r.destinationCidrBlock())).findFirst().orElse(null);
    }

    @Test
    void aDefaultLaunchSitsInAPrivateSubnetThatGoesOutThroughANatGatewayAndReachesS3Directly() throws Exception {
        LaunchOutcome outcome = launched(EngineFixture.spec().build());
        Instance instance = instanceOf(outcome);
        TaggedNetwork network = TaggedNetwork.of(f.aws.clients(), LocalAws.REGION);
        assertThat(network.privateNetworkProblems(G5_ZONES)).isEmpty();
        String vpcId = network.vpcs().get(0).vpcId();

        assertThat(instance.publicIpAddress()).as("public IP").isNull();
        assertThat(instance.vpcId()).isEqualTo(vpcId);
        Subnet subnet = ec2().describeSubnets(r -> r.subnetIds(instance.subnetId())).subnets().get(0);
        assertThat(TaggedNetwork.tag(subnet.tags(), NetworkModel.PART_TAG)).isEqualTo(NetworkModel.PART_PRIVATE_SUBNET);
        assertThat(subnet.mapPublicIpOnLaunch()).isFalse();

        RouteTable privateRoutes = routeTableOf(subnet.subnetId());
        Route out = defaultRoute(privateRoutes);
        assertThat(out).as("0.0.0.0/0 of the instance's subnet").isNotNull();
        assertThat(out.natGatewayId()).startsWith("nat-");
        assertThat(out.gatewayId()).as("not an internet gateway").isNull();

        NatGateway nat = ec2().describeNatGateways(r -> r.natGatewayIds(out.natGatewayId())).natGateways().get(0);
        assertThat(nat.vpcId()).isEqualTo(vpcId);
        Subnet natSubnet = ec2().describeSubnets(r -> r.subnetIds(nat.subnetId())).subnets().get(0);
        assertThat(TaggedNetwork.tag(natSubnet.tags(), NetworkModel.PART_TAG)).isEqualTo(NetworkModel.PART_PUBLIC_SUBNET);
        assertThat(defaultRoute(routeTableOf(natSubnet.subnetId())).gatewayId()).as("the public subnet goes out through the internet gateway")
                .isEqualTo(network.internetGateways().get(0).internetGatewayId());
        assertThat(nat.natGatewayAddresses().get(0).allocationId()).isEqualTo(network.elasticIps().get(0).allocationId());

        VpcEndpoint s3 = network.endpoints().get(0);
        assertThat(s3.serviceName()).isEqualTo("com.amazonaws.us-east-1.s3");
        assertThat(s3.vpcEndpointTypeAsString()).isEqualTo("Gateway");
        assertThat(s3.routeTableIds()).as("the S3 endpoint is on every private route table").contains(privateRoutes.routeTableId())
                .hasSize(G5_ZONES);

        // Nothing admits inbound traffic: neither the launch's group nor the VPC's default group (which has no rule at all).
        SecurityGroup launchGroup = ec2().describeSecurityGroups(r -> r.groupIds(instance.networkInterfaces().get(0).groups().get(0).groupId()))
                .securityGroups().get(0);
        assertThat(launchGroup.vpcId()).isEqualTo(vpcId);
        assertThat(launchGroup.ipPermissions()).isEmpty();
        SecurityGroup defaultGroup = ec2().describeSecurityGroups(r -> r.filters(InputFilter.of("vpc-id", vpcId), InputFilter.of("group-name", "default")))
                .securityGroups().get(0);
        assertThat(defaultGroup.ipPermissions()).isEmpty();
        assertThat(defaultGroup.ipPermissionsEgress()).isEmpty();

        assertThat(ec2().describeVpcAttribute(r -> r.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT)).enableDnsSupport().value()).isTrue();
        assertThat(ec2().describeVpcAttribute(r -> r.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES)).enableDnsHostnames().value()).isTrue();
        assertThat(network.vpcs().get(0).cidrBlock()).isEqualTo(NetworkModel.VPC_CIDR);

        // Every part is Hangar's network's, named, and journaled by the launch that made it.
        assertThat(network.subnets()).allSatisfy(s -> assertThat(TaggedNetwork.tag(s.tags(), "Name")).startsWith("hangar-network-"));
        assertThat(TaggedNetwork.tag(nat.tags(), "Name")).isEqualTo("hangar-network-nat-gateway");
        LaunchRecord record = f.journal.load(outcome.launchId()).orElseThrow();
        Map<String, Long> journaled = record.resources().stream().filter(r -> r.type().startsWith("network-"))
                .collect(Collectors.groupingBy(ResourceRecord::type, Collectors.counting()));
        assertThat(journaled).containsEntry(ResourceKind.NETWORK_VPC, 1L).containsEntry(ResourceKind.NETWORK_SUBNET, (long) G5_ZONES + 1)
                .containsEntry(ResourceKind.NETWORK_ROUTE_TABLE, (long) G5_ZONES + 1).containsEntry(ResourceKind.NETWORK_NAT_GATEWAY, 1L)
                .containsEntry(ResourceKind.NETWORK_ELASTIC_IP, 1L).containsEntry(ResourceKind.NETWORK_INTERNET_GATEWAY, 1L)
                .containsEntry(ResourceKind.NETWORK_ENDPOINT, 1L);
        assertThat(record.resources()).allMatch(r -> r.state().equals(ResourceRecord.CREATED));
        assertThat(outcome.outputs()).containsEntry("sessionManager", "online");
    }

    @Test
    void anIsolatedLaunchReachesAwsOnlyThroughEndpointsAndHasNoWayToTheInternet() throws Exception {
        LaunchOutcome outcome = launched(EngineFixture.spec().network(NetworkMode.ISOLATED).build());
        Instance instance = instanceOf(outcome);
        TaggedNetwork network = TaggedNetwork.of(f.aws.clients(), LocalAws.REGION);
        String vpcId = network.vpcs().get(0).vpcId();
        assertThat(instance.publicIpAddress()).isNull();
        assertThat(network.natGateways()).as("no NAT gateway").isEmpty();
        assertThat(network.internetGateways()).as("no internet gateway").isEmpty();
        assertThat(network.counts()).containsEntry(NetworkModel.PART_ISOLATED_SUBNET, (long) G5_ZONES)
                .doesNotContainKeys(NetworkModel.PART_PRIVATE_SUBNET, NetworkModel.PART_PUBLIC_SUBNET);

        Subnet subnet = ec2().describeSubnets(r -> r.subnetIds(instance.subnetId())).subnets().get(0);
        assertThat(TaggedNetwork.tag(subnet.tags(), NetworkModel.PART_TAG)).isEqualTo(NetworkModel.PART_ISOLATED_SUBNET);
        RouteTable isolatedRoutes = routeTableOf(subnet.subnetId());
        assertThat(defaultRoute(isolatedRoutes)).as("no route to the internet").isNull();
        assertThat(isolatedRoutes.routes()).allSatisfy(r -> {
            assertThat(r.natGatewayId()).isNull();
            assertThat(r.gatewayId() == null || r.gatewayId().equals("local") || r.gatewayId().startsWith("vpce-")).as(r.toString()).isTrue();
        });

        List<VpcEndpoint> interfaces = network.endpoints().stream().filter(e -> e.vpcEndpointTypeAsString().equals("Interface")).toList();
        assertThat(interfaces).extracting(VpcEndpoint::serviceName).containsExactlyInAnyOrder("com.amazonaws.us-east-1.ssm",
                "com.amazonaws.us-east-1.ssmmessages", "com.amazonaws.us-east-1.ec2messages", "com.amazonaws.us-east-1.monitoring",
                "com.amazonaws.us-east-1.logs");
        assertThat(interfaces).allSatisfy(e -> {
            assertThat(e.privateDnsEnabled()).as("private DNS of " + e.serviceName()).isTrue();
            assertThat(e.subnetIds()).contains(subnet.subnetId()).hasSize(G5_ZONES);
            assertThat(e.groups()).hasSize(1);
        });
        SecurityGroup endpointGroup = ec2().describeSecurityGroups(r -> r.groupIds(interfaces.get(0).groups().get(0).groupId())).securityGroups().get(0);
        assertThat(endpointGroup.ipPermissions()).singleElement().satisfies(p -> {
            assertThat(p.ipProtocol()).isEqualTo("tcp");
            assertThat(p.fromPort()).isEqualTo(443);
            assertThat(p.toPort()).isEqualTo(443);
            assertThat(p.ipRanges()).extracting(r -> r.cidrIp()).containsExactly(NetworkModel.VPC_CIDR);
            assertThat(p.userIdGroupPairs()).isEmpty();
        });
        assertThat(endpointGroup.ipPermissionsEgress()).as("no other rule").isEmpty();
        VpcEndpoint s3 = network.endpoints().stream().filter(e -> e.vpcEndpointTypeAsString().equals("Gateway")).findFirst().orElseThrow();
        assertThat(s3.routeTableIds()).contains(isolatedRoutes.routeTableId());
        assertThat(instance.vpcId()).isEqualTo(vpcId);
    }

    @Test
    void aSecondLaunchReusesTheNetworkAndCreatesNoPartOfIt() throws Exception {
        launched(EngineFixture.spec().build());
        List<RecordedRequest> first = f.aws.endpoint().requests();
        f.aws.endpoint().clearRecord();
        launched(EngineFixture.spec().name("second").build());
        List<RecordedRequest> second = f.aws.endpoint().requests();
        report("first launch (network created)", first);
        report("second launch (network reused)", second);

        for (String create : List.of("CreateVpc", "CreateSubnet", "CreateRouteTable", "CreateInternetGateway", "AttachInternetGateway",
                "AllocateAddress", "CreateNatGateway", "CreateRoute", "CreateVpcEndpoint", "ModifyVpcEndpoint", "ModifyVpcAttribute",
                "AssociateRouteTable", "RevokeSecurityGroupIngress")) {
            assertThat(second.stream().filter(r -> r.service().equals("ec2") && r.action().equals(create))).as(create).isEmpty();
        }
        assertThat(TaggedNetwork.of(f.aws.clients(), LocalAws.REGION).privateNetworkProblems(G5_ZONES)).isEmpty();
        assertThat(f.journal.load(f.journal.list(new java.util.ArrayList<>()).get(0).launchId()).orElseThrow().resources())
                .as("the second launch journals no part of the network").noneMatch(r -> r.type().startsWith("network-"));
    }

    private static void report(String what, List<RecordedRequest> calls) {
        long mutating = calls.stream().filter(RecordedRequest::isMutating).count();
        Map<String, Long> byAction = calls.stream().filter(RecordedRequest::isMutating)
                .collect(Collectors.groupingBy(r -> r.service() + ":" + r.action(), java.util.TreeMap::new, Collectors.counting()));
        System.out.println("[network] " + what + ": " + calls.size() + " calls, " + mutating + " mutating " + byAction);
    }

    @Test
    void anIsolatedLaunchAfterAPrivateOneAddsOnlyTheIsolatedPartsAndANewZoneAddsOnlyItsSubnet() throws Exception {
        launched(EngineFixture.spec().availabilityZone("us-east-1a").build());
        TaggedNetwork one = TaggedNetwork.of(f.aws.clients(), LocalAws.REGION);
        assertThat(one.privateNetworkProblems(1)).isEmpty();

        f.aws.endpoint().clearRecord();
        launched(EngineFixture.spec().name("other-zone").availabilityZone("us-east-1b").build());
        assertThat(f.aws.endpoint().count("ec2", "CreateVpc")).isZero();
        assertThat(f.aws.endpoint().count("ec2", "CreateNatGateway")).isZero();
        assertThat(f.aws.endpoint().count("ec2", "CreateSubnet")).as("the private subnet of us-east-1b only").isEqualTo(1);
        TaggedNetwork two = TaggedNetwork.of(f.aws.clients(), LocalAws.REGION);
        assertThat(two.privateNetworkProblems(2)).isEmpty();
        for (RouteTable t : two.routeTables()) {
            if (NetworkModel.PART_PRIVATE_ROUTES.equals(TaggedNetwork.tag(t.tags(), NetworkModel.PART_TAG))) {
                assertThat(defaultRoute(t).natGatewayId()).as("the new zone goes out through the one NAT gateway too")
                        .isEqualTo(two.natGateways().get(0).natGatewayId());
            }
        }
        assertThat(two.endpoints().get(0).routeTableIds()).hasSize(2);

        f.aws.endpoint().clearRecord();
        launched(EngineFixture.spec().name("isolated").availabilityZone("us-east-1a").network(NetworkMode.ISOLATED).build());
        assertThat(f.aws.endpoint().count("ec2", "CreateVpc")).isZero();
        TaggedNetwork three = TaggedNetwork.of(f.aws.clients(), LocalAws.REGION);
        assertThat(three.vpcs()).hasSize(1);
        assertThat(three.natGateways()).hasSize(1);
        assertThat(three.counts()).containsEntry(NetworkModel.PART_ISOLATED_SUBNET, 1L).containsEntry(NetworkModel.PART_ISOLATED_ROUTES, 1L)
                .containsEntry(NetworkModel.PART_PRIVATE_SUBNET, 2L).containsEntry(NetworkModel.PART_INTERFACE_ENDPOINT, 5L)
                .containsEntry(NetworkModel.PART_S3_ENDPOINT, 1L);
        VpcEndpoint s3 = three.endpoints().stream().filter(e -> e.vpcEndpointTypeAsString().equals("Gateway")).findFirst().orElseThrow();
        assertThat(s3.routeTableIds()).as("two private route tables and the isolated one").hasSize(3);
    }

    @Test
    void twoLaunchesStartedAtOnceFromOneHomeMakeOneNetwork() throws Exception {
        Launch a = f.launcher.prepare(EngineFixture.spec().name("left").build(), f.events::add);
        Launch b = f.launcher.prepare(EngineFixture.spec().name("right").build(), f.events::add);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<LaunchOutcome>> outcomes = pool.invokeAll(List.<Callable<LaunchOutcome>>of(a::run, b::run));
            for (Future<LaunchOutcome> o : outcomes) {
                assertThat(o.get().state()).as(o.get().message()).isEqualTo(LaunchState.SUCCEEDED);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(TaggedNetwork.of(f.aws.clients(), LocalAws.REGION).privateNetworkProblems(G5_ZONES)).isEmpty();
        assertThat(f.aws.endpoint().count("ec2", "CreateVpc")).isEqualTo(1);
        assertThat(f.aws.endpoint().count("ec2", "CreateNatGateway")).isEqualTo(1);
        assertThat(f.aws.endpoint().count("ec2", "CreateVpcEndpoint")).isEqualTo(1);
    }

    @Test
    void aFailedFirstLaunchLeavesNothingTaggedHangarNetwork() throws Exception {
        f.aws.endpoint().inject(Fault.on("ec2", "RunInstances").always().when(p -> !"true".equalsIgnoreCase(p.get("DryRun")))
                .error(403, "UnauthorizedOperation", "You are not authorized to perform this operation."));
        LaunchOutcome outcome = f.launch(EngineFixture.spec().build());
        assertThat(outcome.state()).as(outcome.message()).isEqualTo(LaunchState.ROLLED_BACK);
        assertThat(TaggedNetwork.of(f.aws.clients(), LocalAws.REGION).parts()).isEmpty();
        assertThat(f.journal.load(outcome.launchId()).orElseThrow().resources()).allMatch(r -> r.state().equals(ResourceRecord.DELETED));
        f.assertNothingLeft(outcome.launchId());
        assertThat(outcome.message()).contains("everything it created was removed.");
    }

    @Test
    void aFailedSecondLaunchLeavesTheFirstLaunchsNetworkStanding() throws Exception {
        LaunchOutcome first = launched(EngineFixture.spec().availabilityZone("us-east-1a").build());
        f.aws.endpoint().inject(Fault.on("ec2", "RunInstances").always().when(p -> !"true".equalsIgnoreCase(p.get("DryRun")))
                .error(403, "UnauthorizedOperation", "You are not authorized to perform this operation."));
        // In another zone: the second launch adds that zone's subnet, which the network keeps (the first launch uses the network).
        LaunchOutcome second = f.launch(EngineFixture.spec().name("second").availabilityZone("us-east-1b").build());
        assertThat(second.state()).as(second.message()).isEqualTo(LaunchState.ROLLED_BACK);
        f.assertNothingLeft(second.launchId());
        TaggedNetwork network = TaggedNetwork.of(f.aws.clients(), LocalAws.REGION);
        assertThat(network.privateNetworkProblems(2)).isEmpty();
        assertThat(instanceOf(first).state().nameAsString()).isEqualTo("running");
        LaunchRecord record = f.journal.load(second.launchId()).orElseThrow();
        assertThat(record.resources().stream().filter(r -> r.type().startsWith("network-"))).isNotEmpty()
                .allMatch(r -> r.state().equals(ResourceRecord.KEPT));
        assertThat(second.message()).contains("Hangar's network");
    }

    @Test
    void theLastStepWaitsWhileSessionManagerHasNotSeenTheInstanceAndAtItsLimitTheLaunchStillSucceedsWithANote(LocalAws aws) throws Exception {
        aws.sessionManager().holdAllOffline();
        Launcher patient = new Launcher(aws.clients(), f.journal, home, Pacing.fast().withSessionManagerTimeout(Duration.ofSeconds(1)), Clock.systemUTC());
        LaunchOutcome outcome = patient.prepare(EngineFixture.spec().build(), f.events::add).run();
        assertThat(outcome.state()).as(outcome.message()).isEqualTo(LaunchState.SUCCEEDED);
        assertThat(outcome.outputs().get("sessionManager")).startsWith("not online after");
        assertThat(outcome.message()).contains("Session Manager: not online after");
        assertThat(f.events).anyMatch(e -> e instanceof LaunchEvent.StepWaiting w && w.stepId().equals(StepIds.WAIT_SESSION_MANAGER_ONLINE));
        assertThat(aws.endpoint().count("ssm", "DescribeInstanceInformation")).isGreaterThan(1);
        assertThat(f.events).noneMatch(e -> e instanceof LaunchEvent.StepFailed);
    }

    @Test
    void theLastStepEndsAsSoonAsSessionManagerReportsTheInstanceOnline(LocalAws aws) throws Exception {
        aws.sessionManager().holdAllOffline();
        Launch launch = f.launcher.prepare(EngineFixture.spec().build(), e -> {
            f.events.add(e);
            if (e instanceof LaunchEvent.StepWaiting w && w.stepId().equals(StepIds.WAIT_SESSION_MANAGER_ONLINE)) {
                String instanceId = f.journal.list(new java.util.ArrayList<>()).get(0).output("instanceId");
                aws.sessionManager().release(instanceId);
            }
        });
        LaunchOutcome outcome = launch.run();
        assertThat(outcome.state()).isEqualTo(LaunchState.SUCCEEDED);
        assertThat(outcome.outputs()).containsEntry("sessionManager", "online");
        assertThat(f.events).anyMatch(e -> e instanceof LaunchEvent.StepWaiting w && w.stepId().equals(StepIds.WAIT_SESSION_MANAGER_ONLINE));
        assertThat(f.events).anyMatch(e -> e instanceof LaunchEvent.StepSucceeded s && s.stepId().equals(StepIds.WAIT_SESSION_MANAGER_ONLINE));
    }

    /** EC2's filters, shortly. */
    private static final class InputFilter {
        static software.amazon.awssdk.services.ec2.model.Filter of(String name, String value) {
            return software.amazon.awssdk.services.ec2.model.Filter.builder().name(name).values(value).build();
        }
    }
}
