package dev.hangar.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.auth.FakeClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.PingStatus;

/**
 * The front server's realistic-timing profile, read through the real SDK with a clock the test moves by hand: each
 * resource shows the state AWS would show at that moment, whatever the wall time. Off unless turned on.
 */
@ExtendWith(LocalAwsExtension.class)
class TimingProfileTest {

    private final FakeClock clock = FakeClock.atNow();
    private LocalAws aws;
    private Ec2Client ec2;
    private IamClient iam;
    private SsmClient ssm;

    @BeforeEach
    void realisticTiming(LocalAws aws) {
        this.aws = aws;
        ec2 = aws.clients().ec2(LocalAws.REGION);
        iam = aws.clients().iam();
        ssm = aws.clients().ssm(LocalAws.REGION);
        aws.endpoint().setTimingProfile(TimingProfile.realistic().withClock(clock));
    }

    @Test
    void anInstanceIsPendingForTwentySecondsThenRuns() {
        String id = run(r -> { });
        assertThat(ec2.runInstances(plain().build()).instances().get(0).state().name()).as("RunInstances' own answer")
                .isEqualTo(InstanceStateName.PENDING);

        assertThat(state(id)).isEqualTo(InstanceStateName.PENDING);
        clock.advance(Duration.ofSeconds(20).minusMillis(1));
        assertThat(state(id)).isEqualTo(InstanceStateName.PENDING);
        clock.advance(Duration.ofMillis(1));
        assertThat(state(id)).isEqualTo(InstanceStateName.RUNNING);
    }

    @Test
    void aNewInstanceProfileIsRefusedUntilIamHasPropagatedIt() {
        iam.createInstanceProfile(r -> r.instanceProfileName("hangar-new"));
        RunInstancesRequest withProfile = plain().iamInstanceProfile(p -> p.name("hangar-new")).build();

        assertThatThrownBy(() -> ec2.runInstances(withProfile)).isInstanceOfSatisfying(Ec2Exception.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("Value (hangar-new) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name");
        });
        assertThatThrownBy(() -> ec2.runInstances(withProfile.toBuilder().dryRun(true).build())).as("a DryRun is refused alike")
                .isInstanceOfSatisfying(Ec2Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
        clock.advance(Duration.ofSeconds(8).minusMillis(1));
        assertThatThrownBy(() -> ec2.runInstances(withProfile)).isInstanceOf(Ec2Exception.class);
        assertThat(aws.endpoint().count("ec2", "RunInstances")).isEqualTo(3);

        clock.advance(Duration.ofMillis(1));
        assertThatThrownBy(() -> ec2.runInstances(withProfile.toBuilder().dryRun(true).build()))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DryRunOperation"));
        assertThat(ec2.runInstances(withProfile).instances()).hasSize(1);
    }

    @Test
    void aNatGatewayIsPendingForAMinuteThenAvailable() {
        Network net = network();
        String nat = ec2.createNatGateway(r -> r.subnetId(net.subnet()).allocationId(ec2.allocateAddress(a -> { }).allocationId()))
                .natGateway().natGatewayId();
        assertThat(natState(nat)).isEqualTo(NatGatewayState.PENDING);
        clock.advance(Duration.ofSeconds(59));
        assertThat(natState(nat)).isEqualTo(NatGatewayState.PENDING);
        clock.advance(Duration.ofSeconds(1));
        assertThat(natState(nat)).isEqualTo(NatGatewayState.AVAILABLE);
    }

    @Test
    void aVpcEndpointIsPendingForAMinuteThenAvailable() {
        Network net = network();
        var created = ec2.createVpcEndpoint(r -> r.vpcId(net.vpc()).serviceName("com.amazonaws.us-east-1.s3")
                .vpcEndpointType(VpcEndpointType.GATEWAY).routeTableIds(net.routeTable())).vpcEndpoint();
        assertThat(created.stateAsString()).isEqualTo("pending");
        clock.advance(Duration.ofSeconds(59));
        assertThat(endpointState(created.vpcEndpointId())).isEqualTo("pending");
        clock.advance(Duration.ofSeconds(1));
        assertThat(endpointState(created.vpcEndpointId())).as("lower case on the wire, as EC2 and moto spell it").isEqualTo("available");
    }

    @Test
    void sessionManagerListsTheInstanceThirtySecondsAfterItRuns() {
        String id = run(r -> { });
        clock.advance(Duration.ofSeconds(20));
        assertThat(state(id)).isEqualTo(InstanceStateName.RUNNING);
        assertThat(online()).as("running, but the agent has not registered yet").isEmpty();
        clock.advance(Duration.ofSeconds(30).minusMillis(1));
        assertThat(online()).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(online()).extracting(InstanceInformation::instanceId).containsExactly(id);
        assertThat(online()).extracting(InstanceInformation::pingStatus).containsExactly(PingStatus.ONLINE);
    }

    @Test
    void inAPrivateSubnetSessionManagerAlsoWaitsForTheNatGateway() {
        Network net = network();
        ec2.createNatGateway(r -> r.subnetId(net.subnet()).allocationId(ec2.allocateAddress(a -> { }).allocationId()));
        clock.advance(Duration.ofSeconds(5));
        String id = run(r -> r.subnetId(net.subnet()));

        clock.advance(Duration.ofSeconds(50)); // 20 s pending + 30 s: the agent is up, but the NAT gateway is not yet
        assertThat(state(id)).isEqualTo(InstanceStateName.RUNNING);
        assertThat(online()).isEmpty();
        clock.advance(Duration.ofSeconds(5)); // 60 s after the NAT gateway was created
        assertThat(online()).extracting(InstanceInformation::instanceId).containsExactly(id);
    }

    @Test
    void inAnIsolatedSubnetSessionManagerWaitsForAllThreeEndpoints() {
        Network net = network();
        for (String service : List.of("ssm", "ssmmessages")) {
            ec2.createVpcEndpoint(r -> r.vpcId(net.vpc()).serviceName("com.amazonaws.us-east-1." + service)
                    .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(net.subnet()).privateDnsEnabled(true));
        }
        String id = run(r -> r.subnetId(net.subnet()));
        clock.advance(Duration.ofMinutes(5));
        assertThat(online()).as("no ec2messages endpoint: the agent cannot register").isEmpty();

        ec2.createVpcEndpoint(r -> r.vpcId(net.vpc()).serviceName("com.amazonaws.us-east-1.ec2messages")
                .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(net.subnet()).privateDnsEnabled(true));
        clock.advance(Duration.ofSeconds(59));
        assertThat(online()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(online()).extracting(InstanceInformation::instanceId).containsExactly(id);
    }

    @Test
    void offEverythingSettlesAtOnceAsInMoto() {
        aws.endpoint().setTimingProfile(null);
        iam.createInstanceProfile(r -> r.instanceProfileName("hangar-new"));
        String id = run(r -> r.iamInstanceProfile(p -> p.name("hangar-new")));
        Network net = network();
        String nat = ec2.createNatGateway(r -> r.subnetId(net.subnet()).allocationId(ec2.allocateAddress(a -> { }).allocationId()))
                .natGateway().natGatewayId();

        assertThat(state(id)).isEqualTo(InstanceStateName.RUNNING);
        assertThat(natState(nat)).isEqualTo(NatGatewayState.AVAILABLE);
        assertThat(online()).extracting(InstanceInformation::instanceId).containsExactly(id);
        assertThat(aws.endpoint().timingProfile()).isNull();
    }

    @Test
    void scaledDownDividesEveryDelay() {
        TimingProfile tenth = TimingProfile.realistic().scaledDown(10);

        assertThat(List.of(tenth.instanceProfileInvisible(), tenth.instancePending(), tenth.natGatewayPending(), tenth.vpcEndpointPending(),
                tenth.sessionManagerAfterRunning())).containsExactly(Duration.ofMillis(800), Duration.ofSeconds(2), Duration.ofSeconds(6),
                Duration.ofSeconds(6), Duration.ofSeconds(3));
        assertThatThrownBy(() -> TimingProfile.realistic().scaledDown(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private record Network(String vpc, String subnet, String routeTable) {
    }

    private Network network() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.213.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.213.0.0/20").availabilityZone("us-east-1a")).subnet().subnetId();
        return new Network(vpc, subnet, ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId());
    }

    private static RunInstancesRequest.Builder plain() {
        return RunInstancesRequest.builder().imageId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType("g5.xlarge").minCount(1).maxCount(1);
    }

    private String run(java.util.function.Consumer<RunInstancesRequest.Builder> more) {
        RunInstancesRequest.Builder b = plain();
        more.accept(b);
        return ec2.runInstances(b.build()).instances().get(0).instanceId();
    }

    private InstanceStateName state(String id) {
        return ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0).state().name();
    }

    private NatGatewayState natState(String id) {
        return ec2.describeNatGateways(r -> r.natGatewayIds(id)).natGateways().get(0).state();
    }

    private String endpointState(String id) {
        return ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(id)).vpcEndpoints().get(0).stateAsString();
    }

    private List<InstanceInformation> online() {
        return ssm.describeInstanceInformation(r -> r.filters(f -> f.key("PingStatus").values("Online"))).instanceInformationList();
    }
}
