package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.OpenSshTools;
import dev.hangar.testing.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.ProcessShellCommandFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain with the real OpenSSH client: {@code ssh -F <what ssh-config printed> hangar-llama echo ok}. ssh runs
 * Hangar's proxy, which pushes its key through the local endpoint and starts the plugin; the plugin stand-in carries
 * the bytes to a local SSH server (Apache MINA SSHD) standing in for the instance's sshd, which, like EC2 Instance
 * Connect on the instance, accepts only the key the endpoint saw in SendSSHPublicKey, for the image's login user.
 */
@ExtendWith(LocalAwsExtension.class)
class SshEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path home;
    @TempDir Path tools;
    private LocalAws aws;
    private LaunchRecord launch;
    private SshServer instance;
    private final List<String> acceptedKeys = new CopyOnWriteArrayList<>();

    @BeforeEach
    void launchAndStartTheInstancesSshd(LocalAws aws) throws Exception {
        this.aws = aws;
        launch = ConnectTestLaunch.launch(aws, home);
        instance = SshServer.setUpDefaultServer();
        instance.setHost("127.0.0.1");
        instance.setPort(0);
        instance.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
        instance.setPasswordAuthenticator(null);
        instance.setKeyboardInteractiveAuthenticator(null);
        instance.setPublickeyAuthenticator((user, key, session) -> {
            boolean pushed = user.equals(launch.output("loginUser")) && pushedKeys().contains(openSsh(key));
            if (pushed) {
                acceptedKeys.add(openSsh(key));
            }
            return pushed;
        });
        instance.setCommandFactory(ProcessShellCommandFactory.INSTANCE);
        instance.start();
    }

    @AfterEach
    void stop() throws IOException {
        instance.stop(true);
    }

    @Test
    void sshReachesTheInstanceThroughHangarsProxyWithTheKeyItPushed() throws Exception {
        Path bin = Files.createDirectories(tools.resolve("bin"));
        // session-manager-plugin's job, minus the WebSocket: ssh's bytes to the instance's port 22 and back.
        ConnectTestLaunch.executable(bin.resolve("session-manager-plugin"), "#!/usr/bin/env python3\n"
                + "import os, socket, sys, threading\n"
                + "open(" + pyString(tools.resolve("plugin-args")) + ", 'w').write('\\n'.join(sys.argv[1:]) + '\\n')\n"
                + "s = socket.create_connection(('127.0.0.1', " + instance.getPort() + "))\n"
                + "def upstream():\n"
                + "    while True:\n"
                + "        b = os.read(0, 65536)\n"
                + "        if not b:\n"
                + "            break\n"
                + "        s.sendall(b)\n"
                + "    s.shutdown(socket.SHUT_WR)\n"
                + "threading.Thread(target=upstream, daemon=True).start()\n"
                + "while True:\n"
                + "    b = s.recv(65536)\n"
                + "    if not b:\n"
                + "        break\n"
                + "    os.write(1, b)\n");
        Map<String, String> env = ConnectTestLaunch.env(bin);
        HangarProcess printed = HangarProcess.start(tools.resolve("process"), env, List.of(),
                ConnectTestLaunch.args(aws, home, "ssh-config", "--launch", launch.launchId()));
        assertThat(printed.await(Duration.ofSeconds(60))).as(printed.output()).isZero();
        Path config = Files.writeString(tools.resolve("config"), printed.out());

        ProcessBuilder ssh = new ProcessBuilder(OpenSshTools.ssh().toString(), "-F", config.toString(), "-o", "BatchMode=yes",
                "hangar-llama", "echo", "ok").redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(tools.resolve("ssh-stderr").toFile());
        ssh.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("HANGAR_"));
        ssh.environment().putAll(env);
        Process p = ssh.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(tools.resolve("ssh-stderr"));

        assertThat(p.exitValue()).as(err).isZero();
        assertThat(out).isEqualTo("ok\n");
        assertThat(acceptedKeys).as("the instance's sshd accepted the key pushed with SendSSHPublicKey").containsExactly(pushedKeys().get(0));
        assertThat(Files.readAllLines(tools.resolve("plugin-args")).get(4)).contains("AWS-StartSSHSession");
        assertThat(Files.readString(home.resolve("ssh/known_hosts"))).as("the host key went to Hangar's own known_hosts under the launch's alias")
                .startsWith("hangar-" + launch.launchId() + " ");
        awaitGone(home.resolve("ssh").resolve(launch.launchId() + ".key"));
    }

    private List<String> pushedKeys() {
        return aws.endpoint().requests("ec2-instance-connect", "SendSSHPublicKey").stream().map(SshEndToEndTest::sshPublicKey).toList();
    }

    private static String sshPublicKey(RecordedRequest r) {
        try {
            return JSON.readTree(r.bodyAsString()).get("SSHPublicKey").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String openSsh(PublicKey key) {
        return PublicKeyEntry.toString(key);
    }

    private static String pyString(Path p) {
        return "'" + p.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** ssh hangs up its ProxyCommand when it ends; the proxy deletes the key as it goes. */
    private static void awaitGone(Path keyFile) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Files.exists(keyFile) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(keyFile).doesNotExist();
    }
}
