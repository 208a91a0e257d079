package dev.hangar.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.LaunchState;
import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The instance ssh reaches, read from a launch's journal. */
class SshTargetTest {

    private static LaunchRecord record(Access access, Map<String, String> outputs) {
        LaunchSpec spec = LaunchSpec.builder().name("llama").region("us-east-1").amiId("ami-0123456789abcdef0").instanceType("g5.xlarge")
                .dataBucket("b").access(access).sshCidr(access == Access.SSH ? "203.0.113.7/32" : null).build();
        return new LaunchRecord(LaunchRecord.FORMAT_VERSION, "llama-0a1b2c", spec, LaunchState.SUCCEEDED, Instant.EPOCH, Instant.EPOCH,
                List.of(), List.of(), outputs, null);
    }

    @Test
    void theJournalGivesInstanceZoneAndLoginUser() {
        SshTarget t = SshTarget.of(record(Access.SSM, Map.of("instanceId", "i-0123456789abcdef0", "availabilityZone", "us-west-2-lax-1a",
                "loginUser", "ubuntu")));

        assertThat(t).isEqualTo(new SshTarget("llama-0a1b2c", "llama", "us-east-1", "i-0123456789abcdef0", "us-west-2-lax-1a", "ubuntu"));
        assertThat(t.hostAlias()).isEqualTo("hangar-llama");
    }

    @Test
    void anOlderLaunchWithoutLoginUserRanAmazonLinux() {
        assertThat(SshTarget.of(record(Access.SSM, Map.of("instanceId", "i-0123456789abcdef0"))).loginUser()).isEqualTo("ec2-user");
    }

    @Test
    void aLaunchWithoutInstanceIsNamed() {
        assertThatThrownBy(() -> SshTarget.of(record(Access.SSM, Map.of()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("launch llama-0a1b2c has no instance to connect to (SUCCEEDED)");
    }

    @Test
    void aKeyPairLaunchHasNoSessionManagerAndSaysHowToConnect() {
        assertThatThrownBy(() -> SshTarget.of(record(Access.SSH, Map.of("instanceId", "i-0123456789abcdef0",
                "connect", "ssh -i ~/.ssh/k.pem ubuntu@203.0.113.9")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("access \"ssh\"").hasMessageEndingWith("connect with: ssh -i ~/.ssh/k.pem ubuntu@203.0.113.9");
    }
}
