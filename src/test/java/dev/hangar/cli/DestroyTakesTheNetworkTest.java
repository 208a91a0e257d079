package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchState;
import dev.hangar.provision.LaunchOutcome;
import dev.hangar.provision.Launcher;
import dev.hangar.provision.Pacing;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.NetworkMode;
import dev.hangar.testing.Fault;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.NetworkFixture;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * End to end: {@code destroy} of launches that use Hangar's network (the default, {@code private}). The network stays
 * while another launch uses it, stays with {@code --keep-network}, and goes with the last launch that used it.
 *
 * <p>The network is made with the SDK first, tagged as {@link dev.hangar.blueprint.NetworkModel} says, so the test judges
 * removal alone: launches that create the network find this one by its tags and use it.
 */
@ExtendWith({LocalAwsExtension.class, TestCredentials.class})
class DestroyTakesTheNetworkTest {

    @TempDir Path home;
    private LocalAws aws;
    private Ec2Client ec2;
    private Launcher launcher;
    private NetworkFixture.Network net;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        this.ec2 = aws.clients().ec2(LocalAws.REGION);
        this.launcher = new Launcher(aws.clients(), new JournalStore(home), home, Pacing.fast(), Clock.systemUTC());
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("research-data"));
        net = NetworkFixture.create(ec2, LocalAws.REGION, aws.clients().sts(LocalAws.REGION).getCallerIdentity().arn(), false, "us-east-1a");
    }

    private String launch(String name, NetworkMode mode) throws InterruptedException {
        LaunchSpec spec = LaunchSpec.builder().name(name).region(LocalAws.REGION).amiId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType("g5.xlarge")
                .availabilityZone("us-east-1a").dataBucket("research-data").network(mode).build();
        LaunchOutcome o = launcher.prepare(spec, e -> { }).run();
        assertThat(o.succeeded()).as(o.message()).isTrue();
        return o.launchId();
    }

    private InProcessCli.Result destroy(String launchId, String... more) {
        InProcessCli.Result r = tryDestroy(launchId, more);
        assertThat(r.exit()).as(r.toString()).isZero();
        return r;
    }

    private InProcessCli.Result tryDestroy(String launchId, String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "destroy";
        args[1] = "--launch";
        args[2] = launchId;
        System.arraycopy(more, 0, args, 3, more.length);
        return InProcessCli.run(aws.uri(), home, args);
    }

    @Test
    void theNetworkStaysWhileUsedOrKeptAndGoesWithItsLastLaunch() throws Exception {
        String first = launch("first", NetworkMode.PRIVATE);
        String second = launch("second", NetworkMode.PRIVATE);
        String publicOne = launch("public", NetworkMode.PUBLIC);

        InProcessCli.Result stays = destroy(first, "--yes");
        assertThat(stays.out()).contains("Destroyed launch " + first, "Hangar's network in us-east-1 stays", second + " (launched)")
                .doesNotContain(publicOne);
        assertThat(NetworkFixture.leftovers(ec2, LocalAws.REGION)).hasSize(net.partCount());

        InProcessCli.Result kept = destroy(second, "--keep-network", "--yes");
        assertThat(kept.out()).contains("Destroyed launch " + second, "Hangar's network in us-east-1 was kept (--keep-network)",
                "'hangar network destroy --region us-east-1' removes it");
        assertThat(NetworkFixture.leftovers(ec2, LocalAws.REGION)).hasSize(net.partCount());

        InProcessCli.Result notUsed = destroy(publicOne, "--yes");
        assertThat(notUsed.out()).as("a public launch has nothing to do with the network").doesNotContain("network");
        assertThat(NetworkFixture.leftovers(ec2, LocalAws.REGION)).hasSize(net.partCount());

        String last = launch("last", NetworkMode.PRIVATE);
        InProcessCli.Result gone = destroy(last, "--yes");
        assertThat(gone.out()).contains("removed network-nat-gateway " + net.natGatewayId(), "removed network-vpc " + net.vpcId(),
                "Destroyed launch " + last + "; Hangar's network in us-east-1 was removed too: nothing else used it");
        assertThat(NetworkFixture.leftovers(ec2, LocalAws.REGION)).as("nothing tagged hangar:network is left").isEmpty();
        assertThat(new JournalStore(home).load(last).orElseThrow().state()).isEqualTo(LaunchState.DESTROYED);
    }

    @Test
    void aNetworkThatCouldNotBeRemovedLeavesTheDestroyIncompleteAndASecondDestroyFinishesIt() throws Exception {
        String last = launch("last", NetworkMode.PRIVATE);
        aws.endpoint().inject(Fault.on("ec2", "DeleteInternetGateway").error(403, "UnauthorizedOperation", "You are not authorized to perform this operation.")
                .always());

        InProcessCli.Result incomplete = tryDestroy(last, "--yes");
        assertThat(incomplete.exit()).as(incomplete.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(incomplete.out()).contains("could not remove network-internet-gateway " + net.internetGatewayId(), "UnauthorizedOperation",
                "Hangar's network in us-east-1 could not be removed completely", "Run destroy again to retry");
        assertThat(new JournalStore(home).load(last).orElseThrow().state()).isEqualTo(LaunchState.DESTROY_INCOMPLETE);
        assertThat(NetworkFixture.leftovers(ec2, LocalAws.REGION)).containsExactlyInAnyOrder("vpc " + net.vpcId(),
                "internet gateway " + net.internetGatewayId());

        aws.endpoint().clearFaults();
        destroy(last, "--yes");
        assertThat(NetworkFixture.leftovers(ec2, LocalAws.REGION)).isEmpty();
        assertThat(new JournalStore(home).load(last).orElseThrow().state()).isEqualTo(LaunchState.DESTROYED);
    }
}
