package dev.hangar.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.aws.AwsSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the Forward a port dialog accepts, and the arguments a terminal's Hangar is started with. */
class PortForwardTest {

    @Test
    void aPortOrTwoPorts() {
        assertThat(PortForward.parse(" 8888 ")).isEqualTo(new PortForward(8888, 8888));
        assertThat(PortForward.parse("8888:18888")).isEqualTo(new PortForward(8888, 18888));
        assertThat(PortForward.parse("6006:6006").option()).isEqualTo("6006:6006");
    }

    @Test
    void whatIsWrongIsSaidInWords() {
        assertThatThrownBy(() -> PortForward.parse("")).hasMessageContaining("Type the instance's port");
        assertThatThrownBy(() -> PortForward.parse("99999")).hasMessage("The instance's port must be a number from 1 to 65535, not \"99999\".");
        assertThatThrownBy(() -> PortForward.parse("8888:")).hasMessage("The local port is missing: a port is a number from 1 to 65535.");
        assertThatThrownBy(() -> PortForward.parse("8888:x")).hasMessage("The local port must be a number from 1 to 65535, not \"x\".");
        assertThatThrownBy(() -> PortForward.parse("1:2:3")).hasMessageContaining("two ports joined by one colon");
    }

    @Test
    void theTerminalsHangarGetsThisHangarsHomeProfileAndEndpoint() {
        AwsSettings settings = AwsSettings.defaults().withProfile("lab").withEndpoint(URI.create("http://127.0.0.1:4566"));
        ConnectInvocation invocation = new ConnectInvocation(Path.of("/home/ann/.hangar"), settings);

        assertThat(invocation.args("l-1", ConnectPurpose.shell())).containsExactly("--home", "/home/ann/.hangar", "--profile", "lab",
                "--endpoint-url", "http://127.0.0.1:4566", "connect", "--launch", "l-1");
        assertThat(invocation.args("l-1", ConnectPurpose.jupyter())).endsWith("connect", "--launch", "l-1", "--jupyter");
        assertThat(invocation.args("l-1", ConnectPurpose.forward(new PortForward(6006, 16006)))).endsWith("--forward", "6006:16006");
        assertThat(new ConnectInvocation(Path.of("/h"), AwsSettings.defaults()).command(new SelfCommand(List.of("/opt/hangar/bin/Hangar")), "l-2",
                ConnectPurpose.shell())).containsExactly("/opt/hangar/bin/Hangar", "--home", "/h", "connect", "--launch", "l-2");
    }
}
