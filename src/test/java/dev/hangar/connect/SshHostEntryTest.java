package dev.hangar.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.aws.AwsSettings;
import dev.hangar.testing.OpenSshTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Host entry as the real ssh reads it ({@code ssh -G}) and runs it: paths with blanks, quotes and {@code %}
 * reach the ProxyCommand and the IdentityFile whole and unexpanded.
 */
class SshHostEntryTest {

    private static final SshTarget TARGET = new SshTarget("llama-0a1b2c", "llama", "us-east-1", "i-0123456789abcdef0", "us-east-1a", "ubuntu");
    private static final AwsSettings SETTINGS = AwsSettings.of("research", "http://127.0.0.1:4566", Map.of());

    @TempDir Path dir;

    @Test
    void theEntryNamesTheLaunchTheUserAndHangarsOwnFiles() {
        Path home = dir.resolve("hangar");
        SshHostEntry entry = SshHostEntry.of(TARGET, home, SETTINGS, new SelfCommand(List.of("/opt/hangar/bin/Hangar")));

        assertThat(entry.hostAlias()).isEqualTo("hangar-llama");
        assertThat(entry.text()).startsWith("Host hangar-llama\n").contains(
                "\n    HostName i-0123456789abcdef0\n",
                "\n    User ubuntu\n",
                "\n    ProxyCommand /opt/hangar/bin/Hangar --home " + home + " --profile research --endpoint-url http://127.0.0.1:4566"
                        + " ssh-proxy --launch llama-0a1b2c\n",
                "\n    IdentityFile " + home.resolve("ssh/llama-0a1b2c.key") + "\n",
                "\n    IdentitiesOnly yes\n",
                "\n    HostKeyAlias hangar-llama-0a1b2c\n",
                "\n    UserKnownHostsFile " + home.resolve("ssh/known_hosts") + "\n",
                "\n    StrictHostKeyChecking accept-new\n");
    }

    @Test
    void withoutProfileOrEndpointTheProxyGetsOnlyTheHome() {
        SshHostEntry entry = SshHostEntry.of(TARGET, dir, AwsSettings.of(null, null, Map.of()), new SelfCommand(List.of("hangar")));

        assertThat(entry.proxyCommand()).containsExactly("hangar", "--home", dir.toString(), "ssh-proxy", "--launch", "llama-0a1b2c");
    }

    @Test
    void sshReadsUnusualPathsWhole() throws Exception {
        Path home = Files.createDirectories(dir.resolve("my files 100%h"));
        SshHostEntry entry = SshHostEntry.of(TARGET, home, SETTINGS, new SelfCommand(List.of("/opt/hangar/bin/Hangar")));
        Path config = Files.writeString(dir.resolve("config"), entry.text());

        OpenSshTools.Result resolved = OpenSshTools.run(List.of(OpenSshTools.ssh().toString(), "-G", "-F", config.toString(), "hangar-llama"));

        assertThat(resolved.exitCode()).as(resolved.output()).isZero();
        assertThat(resolved.output().lines()).contains(
                "hostname i-0123456789abcdef0",
                "user ubuntu",
                "identitiesonly yes",
                "hostkeyalias hangar-llama-0a1b2c",
                "stricthostkeychecking accept-new");
        assertThat(resolved.output()).contains("userknownhostsfile " + home.resolve("ssh/known_hosts"));
        // ssh -G shows IdentityFile before it expands tokens; how ssh loads it is shown below, with -v.
    }

    /** ssh expands %-tokens (in IdentityFile too), then runs "exec <command>" with the user's shell: the proxy must get its arguments as they were. */
    @Test
    void sshRunsTheProxyCommandWithItsArgumentsIntact() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("it's 100% \"odd\" $HOME"));
        Path recorder = bin.resolve("record args");
        Path args = dir.resolve("args");
        Files.writeString(recorder, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done >'" + args + "'\n");
        Files.setPosixFilePermissions(recorder, PosixFilePermissions.fromString("rwx------"));
        Path home = Files.createDirectories(dir.resolve("home %p with space"));
        SshHostEntry entry = SshHostEntry.of(TARGET, home, AwsSettings.of("lab's", "http://127.0.0.1:4566/?a=%25", Map.of()),
                new SelfCommand(List.of(recorder.toString(), "-x")));
        Path config = Files.writeString(dir.resolve("config"), entry.text());

        ProcessBuilder ssh = new ProcessBuilder(OpenSshTools.ssh().toString(), "-F", config.toString(), "-v", "-o", "BatchMode=yes", "hangar-llama", "true")
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        ssh.environment().put("SHELL", "/bin/sh");
        Process p = ssh.start();
        String output = new String(p.getInputStream().readAllBytes());
        p.waitFor();

        assertThat(args).as(output).exists();
        assertThat(Files.readAllLines(args)).containsExactly("-x", "--home", home.toString(), "--profile", "lab's", "--endpoint-url",
                "http://127.0.0.1:4566/?a=%25", "ssh-proxy", "--launch", "llama-0a1b2c");
        assertThat(output).contains("identity file " + home.resolve("ssh/llama-0a1b2c.key") + " type");
    }

    @Test
    void aLineBreakOrADollarBraceInAPathIsRefused() {
        assertThatThrownBy(() -> SshHostEntry.of(TARGET, dir.resolve("a\nb"), SETTINGS, new SelfCommand(List.of("h"))).text())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
        assertThatThrownBy(() -> SshHostEntry.of(TARGET, dir.resolve("${X}"), SETTINGS, new SelfCommand(List.of("h"))).text())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("environment variable");
    }

    @Test
    void aTamperedJournalCannotAddDirectives() {
        assertThatThrownBy(() -> new SshTarget("x-1", "x", "us-east-1", "i-0123456789abcdef0", null, "ubuntu\n    ProxyCommand evil"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("login user");
        assertThatThrownBy(() -> new SshTarget("x-1", "x", "us-east-1", "i-0123 evil", null, "ubuntu"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("instance ID");
    }
}
