package dev.hangar.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.testing.Fault;
import dev.hangar.testing.FakeRunCommand.Outcome;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What goes wrong on the way to JupyterLab, through the engine API the window uses, against the local AWS. */
@ExtendWith(LocalAwsExtension.class)
class JupyterLauncherTest {

    private static final String INSTANCE = "i-0123456789abcdef0";
    private static final JupyterTiming TIMING = new JupyterTiming(Duration.ofMillis(10), Duration.ofSeconds(5), Duration.ofSeconds(5));

    @TempDir Path tools;
    private LocalAws aws;
    private JupyterLauncher launcher;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void launcher(LocalAws aws) {
        this.aws = aws;
        // No opener on this PATH: nothing would reach a browser.
        launcher = new JupyterLauncher(aws.clients(), TIMING, new BrowserOpener(Map.of("PATH", tools.toString()), "Linux"));
    }

    private PluginLaunch plugin(String body) throws IOException {
        Path plugin = tools.resolve("session-manager-plugin");
        Files.writeString(plugin, "#!/bin/bash\n" + body + "\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new PluginLaunch(plugin, null, aws.uri().toString(), Redirect.DISCARD);
    }

    private static JupyterTarget target(int local) {
        return new JupyterTarget(INSTANCE, LocalAws.REGION, "ubuntu", 8888, local);
    }

    @Test
    void aTakenLocalPortIsRefusedBeforeAnythingHappens() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> launcher.open(target(taken.getLocalPort()), plugin("exit 0"), progress::add))
                    .isInstanceOf(LocalPortInUseException.class).hasMessageContaining("localhost:" + taken.getLocalPort() + " is already in use");
        }
        assertThat(aws.endpoint().requests()).isEmpty();
    }

    @Test
    void anInstanceOutsideSystemsManagerIsExplained() throws Exception {
        aws.endpoint().inject(Fault.on("ssm", "SendCommand").error(400, "InvalidInstanceId", "Instances [[" + INSTANCE
                + "]] not in a valid state for account 123456789012"));

        assertThatThrownBy(() -> launcher.open(target(freePort()), plugin("exit 0"), progress::add))
                .isInstanceOf(JupyterStartException.class).hasMessageContaining("is not connected to Systems Manager");
    }

    @Test
    void aCommandTheAgentNeverFinishesIsGivenUpOnInBoundedTime() throws Exception {
        aws.runCommand().thenEnds(Outcome.success("").afterPolls(0, Integer.MAX_VALUE));
        JupyterLauncher impatient = new JupyterLauncher(aws.clients(), new JupyterTiming(Duration.ofMillis(10), Duration.ofMillis(300),
                Duration.ofSeconds(5)), new BrowserOpener(Map.of(), "Linux"));

        assertThatThrownBy(() -> impatient.open(target(freePort()), plugin("exit 0"), progress::add))
                .isInstanceOf(JupyterStartException.class).hasMessageContaining("InProgress");
        assertThat(aws.endpoint().requests("ssm", "StartSession")).isEmpty();
    }

    @Test
    void aPortForwardThatEndsAtOnceIsReported() throws Exception {
        aws.runCommand().thenEnds(Outcome.success("JupyterLab is listening on 127.0.0.1:8888\n"));

        assertThatThrownBy(() -> launcher.open(target(freePort()), plugin("echo 'An error occurred (TargetNotConnected)'; exit 1"), progress::add))
                .isInstanceOf(JupyterStartException.class).hasMessageContaining("the port forward ended (exit 1)");
        assertThat(progress).contains("instance: JupyterLab is listening on 127.0.0.1:8888");
    }

    @Test
    void withoutABrowserOpenerTheSessionSaysSoAndCarriesTheAddress() throws Exception {
        aws.runCommand().thenEnds(Outcome.success("JupyterLab is listening on 127.0.0.1:8888\n"));
        int local = freePort();
        // Listens on the local port until the test ends the session, as the real plugin does.
        PluginLaunch plugin = plugin("exec python3 -c 'import socket,time; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, "
                + "socket.SO_REUSEADDR, 1); s.bind((\"127.0.0.1\", " + local + ")); s.listen(); time.sleep(60)'");

        try (JupyterSession session = launcher.open(target(local), plugin, progress::add)) {
            assertThat(session.browserOpened()).isFalse();
            assertThat(session.url().toString()).matches("http://localhost:" + local + "/lab\\?token=[0-9a-f]{64}");
            assertThat(session.forwarding().isAlive()).isTrue();
            assertThat(session.toString()).doesNotContain(session.url().getQuery().substring(6));
            assertThat(progress).noneMatch(l -> l.contains(session.url().getQuery().substring(6)));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
