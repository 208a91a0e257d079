package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.NetworkMode;
import dev.hangar.spec.Tenancy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's state builds the spec; small helpers. (Each step's share of the problems: TouchedFieldsTest.) */
class WizardStateTest {

    @Test
    void theStateBuildsTheSpecAndLoadsItBack() {
        WizardState state = new WizardState();
        state.name.set(" llama ");
        state.amiId.set("ami-0123456789abcdef0");
        state.instanceType.set("g5.xlarge");
        state.dataBucket.set("research-data");
        state.keyPair.set("typed-before");
        state.sshCidr.set("203.0.113.7/32");
        state.tenancy.set(Tenancy.DEDICATED);
        state.tags.set(Map.of("project", "nlp"));

        LaunchSpec spec = state.spec();
        assertThat(spec.name()).isEqualTo("llama");
        assertThat(spec.access()).isEqualTo(Access.SSM);
        assertThat(spec.keyPair()).as("SSM uses no key pair").isNull();
        assertThat(spec.sshCidr()).isNull();
        assertThat(spec.tenancy()).isEqualTo(Tenancy.DEDICATED);
        assertThat(spec.tags()).containsEntry("project", "nlp");
        assertThat(state.problems().get()).isEmpty();

        state.access.set(Access.SSH);
        assertThat(state.spec().keyPair()).isEqualTo("typed-before");
        assertThat(state.spec().sshCidr()).isEqualTo("203.0.113.7/32");

        WizardState other = new WizardState();
        other.load(state.spec());
        assertThat(other.spec()).isEqualTo(state.spec());
    }

    @Test
    void theNetworkAndAGivenSubnetSurviveALoad() {
        WizardState state = new WizardState();
        assertThat(state.spec().network()).as("private by default").isEqualTo(NetworkMode.PRIVATE);
        LaunchSpec isolated = LaunchSpec.builder().name("llama").region("us-east-1").amiId("ami-0123456789abcdef0")
                .instanceType("g5.xlarge").dataBucket("research-data").network(NetworkMode.ISOLATED).build();
        state.load(isolated);
        assertThat(state.spec()).isEqualTo(isolated);
        LaunchSpec inSubnet = isolated.toBuilder().subnetId("subnet-0123456789abcdef0").associatePublicIp(true).build();
        state.load(inSubnet);
        assertThat(state.spec()).isEqualTo(inSubnet);
        assertThat(NetworkChoices.hint(NetworkMode.PRIVATE, "eu-west-1")).contains("About $0.05/h while any Hangar machine in eu-west-1 exists");
        assertThat(NetworkChoices.hint(NetworkMode.ISOLATED, null)).contains("in the region exists").contains("stage packages and models in S3");
    }

    @Test
    void tagsAreEditedAsKeyValueLines() {
        assertThat(TagsText.parse("project=nlp\n\n team = vision ").tags()).containsExactly(Map.entry("project", "nlp"), Map.entry("team", "vision"));
        assertThat(TagsText.parse("project").error()).contains("line 1").contains("key=value");
        assertThat(TagsText.format(Map.of("a", "b"))).isEqualTo("a=b");
    }

    @Test
    void anSshHostEntryIsMadeFromTheConnectCommandAndNeverOverwritten(@TempDir Path dir) throws Exception {
        assertThat(SshConfigEntry.from("llama", "aws ssm start-session --target i-1 --region us-east-1")).isEmpty();
        SshConfigEntry entry = SshConfigEntry.from("llama", "ssh -i /home/r/.hangar/keys/lab.pem ubuntu@203.0.113.9").orElseThrow();
        assertThat(entry.text()).contains("Host hangar-llama").contains("HostName 203.0.113.9").contains("User ubuntu")
                .contains("IdentityFile /home/r/.hangar/keys/lab.pem");
        Path config = dir.resolve(".ssh/config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "Host other\n    HostName example.org");
        entry.appendTo(config);
        assertThat(Files.readString(config)).startsWith("Host other\n    HostName example.org\n\nHost hangar-llama\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> entry.appendTo(config)).hasMessageContaining("already has");
    }

    /** Issue 15: the connect command quotes a key path with spaces or quotes; the entry must name the same file. */
    @Test
    void aQuotedKeyPathBecomesTheSameFileInTheSshConfig() {
        SshConfigEntry entry = SshConfigEntry.from("llama", "ssh -i '/home/r/lab'\\''s data 100%/keys/lab.pem' ubuntu@203.0.113.9").orElseThrow();
        assertThat(entry.identityFile()).isEqualTo("/home/r/lab's data 100%/keys/lab.pem");
        // ssh_config: double quotes keep the spaces together, and %% is a literal % (a lone % starts a token).
        assertThat(entry.text()).contains("IdentityFile \"/home/r/lab's data 100%%/keys/lab.pem\"");
    }

    @Test
    void theDetectedAddressBecomesASingleAddressBlock() {
        assertThat(CheckIpDetector.singleAddressCidr("203.0.113.7")).isEqualTo("203.0.113.7/32");
        assertThat(CheckIpDetector.singleAddressCidr("2001:db8::1")).isEqualTo("2001:db8::1/128");
        // Nothing listens on port 9 of this machine: the detector gives up quietly.
        assertThat(new CheckIpDetector(java.net.URI.create("http://127.0.0.1:9/"), java.time.Duration.ofSeconds(1)).detect()).isEmpty();
    }

}
