package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.aws.AwsSettings;
import dev.hangar.connect.SelfCommand;
import dev.hangar.connect.SshHostEntry;
import dev.hangar.connect.SshTarget;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code hangar ssh-config} as a user runs it, in its own process whose {@code ~} is a temp folder. */
@ExtendWith(LocalAwsExtension.class)
class SshConfigCommandTest {

    @TempDir Path home;
    @TempDir Path userHome;
    @TempDir Path tools;
    private LocalAws aws;
    private LaunchRecord launch;

    @BeforeEach
    void launch(LocalAws aws) throws InterruptedException {
        this.aws = aws;
        launch = ConnectTestLaunch.launch(aws, home);
    }

    private HangarProcess sshConfig(String... args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("ssh-config", "--launch", launch.launchId()));
        all.addAll(List.of(args));
        return HangarProcess.start(tools.resolve("process"), ConnectTestLaunch.env(Files.createDirectories(tools.resolve("bin"))),
                List.of("-Duser.home=" + userHome), ConnectTestLaunch.args(aws, home, all.toArray(String[]::new)));
    }

    @Test
    void printsTheHostEntryWhoseProxyIsThisHangarOnTheSameHomeAndEndpoint() throws Exception {
        HangarProcess p = sshConfig("--profile", "research");

        assertThat(p.await(Duration.ofSeconds(60))).as(p.output()).isZero();
        SelfCommand self = new SelfCommand(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                HangarProcess.classPath(), "dev.hangar.app.Main"));
        String expected = SshHostEntry.of(SshTarget.of(launch), home, AwsSettings.of("research", aws.uri().toString(), Map.of()), self).text();
        assertThat(p.out()).isEqualTo(expected);
        assertThat(p.out()).startsWith("Host hangar-llama\n").contains(
                "    HostName " + launch.output("instanceId") + "\n",
                "    User ubuntu\n",
                " dev.hangar.app.Main --home " + home + " --profile research --endpoint-url " + aws.uri() + " ssh-proxy --launch "
                        + launch.launchId() + "\n");
        assertThat(p.err()).as("the plugin is not on this PATH").contains("Note: ssh will need session-manager-plugin");
        assertThat(userHome.resolve(".ssh")).as("printing writes nothing").doesNotExist();
        assertThat(aws.endpoint().requests()).as("and calls nothing").isEmpty();
    }

    @Test
    void writeAddsTheIncludeOnceAndSaysSo() throws Exception {
        HangarProcess first = sshConfig("--write");
        assertThat(first.await(Duration.ofSeconds(60))).as(first.output()).isZero();
        byte[] afterFirst = Files.readAllBytes(userHome.resolve(".ssh/config"));

        HangarProcess second = sshConfig("--write");

        assertThat(second.await(Duration.ofSeconds(60))).as(second.output()).isZero();
        Path hangarConfig = home.resolve("ssh/config");
        assertThat(first.out()).contains("Wrote Host hangar-llama in " + hangarConfig,
                "Added \"Include " + hangarConfig + "\" at the top of " + userHome.resolve(".ssh/config"), "Connect with: ssh hangar-llama");
        assertThat(second.out()).contains("Updated Host hangar-llama", "already includes it; left unchanged");
        assertThat(Files.readAllBytes(userHome.resolve(".ssh/config"))).isEqualTo(afterFirst);
        assertThat(Files.readString(hangarConfig)).containsOnlyOnce("Host hangar-llama\n");
    }

    @Test
    void aHostNameTheUserHasIsRefusedWithExitOne() throws Exception {
        Path userConfig = Files.createDirectories(userHome.resolve(".ssh")).resolve("config");
        Files.writeString(userConfig, "Host hangar-llama\n    HostName 10.0.0.5\n");

        HangarProcess p = sshConfig("--write");

        assertThat(p.await(Duration.ofSeconds(60))).isEqualTo(1);
        assertThat(p.err()).contains(userConfig + " line 1 already has its own \"Host hangar-llama\"; nothing was written.");
        assertThat(Files.readString(userConfig)).isEqualTo("Host hangar-llama\n    HostName 10.0.0.5\n");
        assertThat(home.resolve("ssh/config")).doesNotExist();
    }
}
