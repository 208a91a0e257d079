package dev.hangar.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The values that become shell words on the instance, and the token. */
class JupyterTargetTest {

    @Test
    void aTokenIs32RandomBytesInHexAndHidesItselfFromLogs() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            JupyterToken token = JupyterToken.random();
            assertThat(token.value()).matches("[0-9a-f]{64}");
            assertThat(seen.add(token.value())).isTrue();
            assertThat(token.toString()).doesNotContain(token.value());
            assertThat(token.mask("url ?token=" + token.value() + " end")).isEqualTo("url ?token=<token> end");
        }
    }

    @Test
    void olderLaunchesWithoutALoginUserUseEc2User() {
        assertThat(JupyterTarget.of("i-0123456789abcdef0", "us-east-1", null, 8888, 8888).loginUser()).isEqualTo("ec2-user");
        assertThat(JupyterTarget.of("i-0123456789abcdef0", "us-east-1", "ubuntu", 8888, 8888).loginUser()).isEqualTo("ubuntu");
    }

    @Test
    void nothingThatIsNotAUserAPortOrAnInstanceGetsThrough() {
        assertThatThrownBy(() -> JupyterTarget.of("i-0123456789abcdef0", "us-east-1", "ubuntu'; rm -rf / #", 8888, 8888))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a login user name");
        assertThatThrownBy(() -> JupyterTarget.of("i-0123456789abcdef0", "us-east-1", "ubuntu", 0, 8888))
                .hasMessageContaining("a port is a number from 1 to 65535");
        assertThatThrownBy(() -> JupyterTarget.of("i-0123456789abcdef0", "us-east-1", "ubuntu", 8888, 65536))
                .hasMessageContaining("a port is a number from 1 to 65535");
        assertThatThrownBy(() -> JupyterTarget.of("i-0123 --x", "us-east-1", "ubuntu", 8888, 8888)).hasMessageContaining("not an instance ID");
        assertThatThrownBy(() -> JupyterTarget.of("i-0123456789abcdef0", "us-east-1;x", "ubuntu", 8888, 8888)).hasMessageContaining("not a region");
    }

    @Test
    void theAddressIsTheLocalEndOfTheForwardWithTheToken() {
        JupyterToken token = JupyterToken.random();
        JupyterTarget target = new JupyterTarget("i-0123456789abcdef0", "eu-west-1", "ubuntu", 8888, 18888);

        assertThat(target.url(token)).hasToString("http://localhost:18888/lab?token=" + token.value());
        assertThat(target.forward()).isEqualTo(SessionRequest.forward("i-0123456789abcdef0", "eu-west-1", 8888, 18888));
    }
}
