package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.OpenSshTools;
import dev.hangar.testing.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hangar ssh-proxy}, the ProxyCommand of the ssh-config entry, in its own process with a recording stand-in for
 * session-manager-plugin first on the PATH: the key goes to EC2 Instance Connect, the session is the AWS CLI's
 * {@code AWS-StartSSHSession}, the private key file is ssh-readable, owner-only, short-lived, and written nowhere else.
 */
@ExtendWith(LocalAwsExtension.class)
class SshProxyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path home;
    @TempDir Path tools;
    private LocalAws aws;
    private LaunchRecord launch;
    private Path keyFile;

    @BeforeEach
    void launch(LocalAws aws) throws InterruptedException {
        this.aws = aws;
        launch = ConnectTestLaunch.launch(aws, home);
        keyFile = home.resolve("ssh").resolve(launch.launchId() + ".key");
    }

    /** Records its arguments, the key file's and folder's modes and a copy of the key as ssh would find them, then {@code tail}. */
    private Path plugin(String tail) throws Exception {
        Path bin = Files.createDirectories(tools.resolve("bin"));
        ConnectTestLaunch.executable(bin.resolve("session-manager-plugin"), "#!/bin/bash\n"
                + "for a in \"$@\"; do printf '%s\\n' \"$a\"; done >'" + tools.resolve("plugin-args") + "'\n"
                + "stat -c %a '" + keyFile + "' >'" + tools.resolve("key-mode") + "'\n"
                + "stat -c %a '" + keyFile.getParent() + "' >'" + tools.resolve("dir-mode") + "'\n"
                + "install -m 600 '" + keyFile + "' '" + tools.resolve("key-copy") + "'\n"
                + "echo $$ >'" + tools.resolve("plugin-pid") + "'\n"
                + tail);
        return bin;
    }

    private HangarProcess proxy(Path bin, String... jvmArgs) throws Exception {
        return HangarProcess.start(tools.resolve("process"), ConnectTestLaunch.env(bin), List.of(jvmArgs),
                ConnectTestLaunch.args(aws, home, "ssh-proxy", "--launch", launch.launchId()));
    }

    @Test
    void theKeyIsPushedThenTheSshSessionRunsThePluginAsTheAwsCliWould() throws Exception {
        HangarProcess p = proxy(plugin("exit 0\n"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug");

        assertThat(p.await(Duration.ofSeconds(60))).as(p.output()).isZero();
        String instanceId = launch.output("instanceId");
        List<RecordedRequest> pushes = aws.endpoint().requests("ec2-instance-connect", "SendSSHPublicKey");
        assertThat(pushes).hasSize(1);
        assertThat(pushes.get(0).status()).isEqualTo(200);
        JsonNode pushed = JSON.readTree(pushes.get(0).bodyAsString());
        assertThat(pushed.get("InstanceId").asText()).isEqualTo(instanceId);
        assertThat(pushed.get("InstanceOSUser").asText()).isEqualTo("ubuntu").isEqualTo(launch.output("loginUser"));
        assertThat(pushed.get("AvailabilityZone").asText()).isEqualTo(launch.output("availabilityZone")).startsWith("us-east-1");
        assertThat(pushed.get("SSHPublicKey").asText()).matches("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43}");

        List<String> args = Files.readAllLines(tools.resolve("plugin-args"));
        assertThat(args).hasSize(6);
        JsonNode session = JSON.readTree(args.get(0));
        assertThat(session.get("SessionId").asText()).startsWith("hangar-test-");
        assertThat(args.subList(1, 4)).containsExactly("us-east-1", "StartSession", "");
        assertThat(JSON.readTree(args.get(4))).isEqualTo(JSON.readTree("{\"Target\":\"" + instanceId + "\",\"DocumentName\":"
                + "\"AWS-StartSSHSession\",\"Parameters\":{\"portNumber\":[\"22\"]}}"));
        assertThat(args.get(5)).isEqualTo(aws.uri().toString());
        JsonNode started = JSON.readTree(aws.endpoint().requests("ssm", "StartSession").get(0).bodyAsString());
        assertThat(started.get("DocumentName").asText()).isEqualTo("AWS-StartSSHSession");
        assertThat(started.at("/Parameters/portNumber/0").asText()).isEqualTo("22");
        assertThat(aws.endpoint().requests().stream().map(RecordedRequest::action))
                .as("the key is valid for 60 s from the push: it goes first").containsSubsequence("SendSSHPublicKey", "StartSession");

        assertThat(Files.readString(tools.resolve("key-mode")).strip()).isEqualTo("600");
        assertThat(Files.readString(tools.resolve("dir-mode")).strip()).isEqualTo("700");
        String derived = OpenSshTools.publicKeyOf(tools.resolve("key-copy"));
        assertThat(derived).startsWith(pushed.get("SSHPublicKey").asText() + " ");
        assertThat(keyFile).as("deleted once the session is over").doesNotExist();

        assertThat(p.out()).as("standard output is the SSH connection: nothing else may go there").isEmpty();
        assertPrivateKeyNowhere(p);
    }

    @Test
    void hangingUpStopsThePluginAndDeletesTheKey() throws Exception {
        HangarProcess p = proxy(plugin("exec sleep 60\n"));
        awaitFile(tools.resolve("plugin-pid"), p);
        long pluginPid = Long.parseLong(Files.readString(tools.resolve("plugin-pid")).strip());
        assertThat(keyFile).exists();

        p.process.destroy(); // what ssh does to its ProxyCommand when the connection ends (SIGHUP; SIGTERM runs the same hooks)
        p.await(Duration.ofSeconds(30));

        assertThat(keyFile).doesNotExist();
        assertThat(ProcessHandle.of(pluginPid).map(ProcessHandle::isAlive)).as("the plugin is stopped").isNotEqualTo(java.util.Optional.of(true));
    }

    @Test
    void aMissingPluginSaysHowToInstallItAndPushesNoKey() throws Exception {
        HangarProcess p = proxy(Files.createDirectories(tools.resolve("empty")));

        assertThat(p.await(Duration.ofSeconds(60))).isEqualTo(2);
        assertThat(p.err()).contains("session-manager-plugin is not installed", "Install it:").doesNotContain("Exception");
        assertThat(p.out()).isEmpty();
        assertThat(aws.endpoint().requests("ec2-instance-connect", "SendSSHPublicKey")).isEmpty();
        assertThat(keyFile).doesNotExist();
    }

    private void assertPrivateKeyNowhere(HangarProcess p) throws Exception {
        List<String> secretLines = Files.readAllLines(tools.resolve("key-copy")).stream().filter(l -> !l.startsWith("-----")).toList();
        assertThat(secretLines).isNotEmpty();
        StringBuilder everything = new StringBuilder(p.out()).append(p.err());
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                everything.append(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        for (String line : secretLines) {
            assertThat(everything.toString()).as("the private key in the output, the journal or a file of Hangar's home").doesNotContain(line);
        }
    }

    private static void awaitFile(Path file, HangarProcess p) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(file)) {
            if (!p.alive() || System.nanoTime() > end) {
                throw new AssertionError("the plugin did not start\n" + p.output());
            }
            Thread.sleep(50);
        }
        Thread.sleep(200); // the stand-in writes its pid last, then execs; give it that instant
    }
}
