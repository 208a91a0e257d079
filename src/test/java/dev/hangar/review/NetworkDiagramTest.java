package dev.hangar.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.checklist.AccountFacts;
import dev.hangar.spec.Access;
import dev.hangar.spec.Egress;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.NetworkMode;
import org.junit.jupiter.api.Test;

/** The picture of where the instance sits, per network mode, as the plan prints it and the review step shows it. */
class NetworkDiagramTest {

    private static final String SUBNET = "subnet-0123456789abcdef0";

    private static LaunchSpec.Builder base() {
        return LaunchSpec.builder().name("llama").region("us-east-1").amiId("ami-0123456789abcdef0").instanceType("g5.xlarge")
                .dataBucket("my-datasets");
    }

    private static NetworkDiagram diagram(LaunchSpec spec, AccountFacts facts) {
        return NetworkDiagram.of(Blueprint.draft(spec), facts);
    }

    @Test
    void privateGoesOutThroughTheNatAndToS3ThroughItsGatewayEndpointWithNothingComingIn() {
        NetworkDiagram d = diagram(base().availabilityZone("us-east-1a").build(), AccountFacts.unknown());

        assertThat(d.mode()).isEqualTo(NetworkMode.PRIVATE);
        assertThat(d.lines()).containsExactly(
                "instance (no public IP) in Hangar's private subnet 10.213.0.0/20 in us-east-1a of VPC 10.213.0.0/16",
                "  → NAT gateway → internet gateway → internet   outbound only, ports 80 and 443: SSM, CloudWatch, pip, model downloads",
                "  → S3 gateway endpoint → S3                    the data bucket, without the NAT or its per-GB charge",
                "  ← inbound: none                               no route in from the internet and no rule in the security group; "
                        + "connect through Session Manager");
    }

    @Test
    void isolatedReachesAwsThroughEndpointsAndSaysTheInternetIsOutOfReach() {
        NetworkDiagram d = diagram(base().network(NetworkMode.ISOLATED).build(), AccountFacts.unknown());

        assertThat(d.place()).isEqualTo("instance (no public IP) in Hangar's isolated subnet in the instance's zone of VPC 10.213.0.0/16");
        assertThat(d.routes()).extracting(NetworkDiagram.Route::path).containsExactly("→ interface endpoints → SSM, CloudWatch, Logs",
                "→ S3 gateway endpoint → S3", "✗ internet", "← inbound: none");
        assertThat(d.text()).contains("ssm, ssmmessages, ec2messages, monitoring, logs; private DNS; 443 from the VPC only")
                .contains("stage packages and models here").contains("pip install and model downloads will not work");
    }

    @Test
    void publicIsTheDefaultVpcWithAPublicIp() {
        NetworkDiagram d = diagram(base().network(NetworkMode.PUBLIC).egress(Egress.HTTPS_ONLY).build(), AccountFacts.unknown());

        assertThat(d.place()).isEqualTo("instance (public IP) in a default subnet of the region's default VPC");
        assertThat(d.routes().get(0)).isEqualTo(new NetworkDiagram.Route("→ internet gateway → internet, SSM, S3, CloudWatch",
                "outbound, port 443, from the instance's public IP"));
        assertThat(d.routes().get(1).note()).isEqualTo("no rule in the security group; connect through Session Manager");
    }

    @Test
    void anExistingSubnetIsDrawnFromWhatPreflightSawOrSaysItWasNotChecked() {
        LaunchSpec spec = base().subnetId(SUBNET).build();

        assertThat(diagram(spec, AccountFacts.unknown()).routes().get(0).path()).isEqualTo("? routes not checked");
        NetworkDiagram nat = diagram(spec, AccountFacts.builder().subnetIsPublic(false).subnetHasNatOrEndpoints(true)
                .subnetRoutesToNat(true).subnetIsDefaultVpc(false).build());
        assertThat(nat.place()).isEqualTo("instance (no public IP) in subnet " + SUBNET);
        assertThat(nat.routes().get(0).path()).isEqualTo("→ NAT gateway → internet, SSM, S3, CloudWatch");
        NetworkDiagram trap = diagram(spec, AccountFacts.builder().subnetIsPublic(true).subnetHasNatOrEndpoints(false)
                .subnetRoutesToNat(false).subnetIsDefaultVpc(true).build());
        assertThat(trap.place()).endsWith("of the default VPC");
        assertThat(trap.routes().get(0)).isEqualTo(new NetworkDiagram.Route("✗ internet, SSM, S3, CloudWatch",
                "the internet gateway needs a public IP, and there is no NAT gateway or endpoint"));
    }

    @Test
    void sshIntoAPrivateNetworkOnlyReachesItFromInsideTheVpc() {
        LaunchSpec spec = base().access(Access.SSH).keyPair("lab").sshCidr("203.0.113.7/32").build();

        assertThat(diagram(spec, AccountFacts.unknown()).routes()).last().isEqualTo(new NetworkDiagram.Route(
                "← inbound: SSH (port 22) from 203.0.113.7/32", "only from inside the VPC: the instance has no public IP"));
    }
}
