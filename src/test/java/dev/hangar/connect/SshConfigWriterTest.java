package dev.hangar.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.aws.AwsSettings;
import dev.hangar.testing.OpenSshTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** "Add to SSH config": Hangar's own file, and one Include at the top of the user's, which otherwise stays byte for byte. */
class SshConfigWriterTest {

    @TempDir Path userHome;
    private Path sshDir;
    private Path userConfig;
    private Path hangarHome;
    private SshConfigWriter writer;

    @BeforeEach
    void paths() {
        sshDir = userHome.resolve(".ssh");
        userConfig = sshDir.resolve("config");
        hangarHome = userHome.resolve(".hangar");
        writer = new SshConfigWriter(sshDir);
    }

    private SshHostEntry entry(String launchId, String name) {
        return SshHostEntry.of(new SshTarget(launchId, name, "us-east-1", "i-0123456789abcdef0", "us-east-1a", "ubuntu"), hangarHome,
                AwsSettings.of(null, null, Map.of()), new SelfCommand(List.of("/opt/hangar/bin/Hangar")));
    }

    @Test
    void withNoSshConfigYetBothFilesAreCreatedOwnerOnlyAndSshFindsTheHost() throws Exception {
        SshConfigUpdate update = writer.add(entry("llama-0a1b2c", "llama"));

        assertThat(update.includeAdded()).isTrue();
        assertThat(update.rewritten()).isFalse();
        assertThat(mode(sshDir)).isEqualTo("rwx------");
        assertThat(mode(userConfig)).isEqualTo("rw-------");
        assertThat(mode(hangarHome.resolve("ssh"))).isEqualTo("rwx------");
        assertThat(mode(hangarHome.resolve("ssh/config"))).isEqualTo("rw-------");
        assertThat(Files.readString(userConfig)).isEqualTo("# Added by Hangar (hangar ssh-config --write): the hosts of its launches\n"
                + "Include " + hangarHome.resolve("ssh/config") + "\n");
        OpenSshTools.Result resolved = OpenSshTools.run(List.of(OpenSshTools.ssh().toString(), "-G", "-F", userConfig.toString(), "hangar-llama"));
        assertThat(resolved.output()).as(resolved.output()).contains("\nhostname i-0123456789abcdef0\n", "\nuser ubuntu\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Host work\n    HostName work.example.com\n",
            "Host work\n    HostName work.example.com", // no line break at the end
            "Host work\r\n    HostName work.example.com\r\n",
            "",
            "# only a comment, then a blank line\n\n"})
    void everyByteOfTheUsersFileStaysAfterTheIncludeAtTheTop(String original) throws Exception {
        Files.createDirectories(sshDir);
        Files.write(userConfig, original.getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(userConfig, PosixFilePermissions.fromString("rw-r--r--"));

        writer.add(entry("llama-0a1b2c", "llama"));

        byte[] after = Files.readAllBytes(userConfig);
        String eol = original.contains("\r\n") ? "\r\n" : "\n";
        String added = "# Added by Hangar (hangar ssh-config --write): the hosts of its launches" + eol
                + "Include " + hangarHome.resolve("ssh/config") + eol + (original.isEmpty() ? "" : eol);
        assertThat(new String(after, StandardCharsets.UTF_8)).isEqualTo(added + original);
        assertThat(mode(userConfig)).as("the file keeps its mode").isEqualTo("rw-r--r--");
    }

    @Test
    void writingAgainChangesNothingInTheUsersFileAndReplacesTheLaunchsBlock() throws Exception {
        Files.createDirectories(sshDir);
        Files.writeString(userConfig, "Host *\n    ServerAliveInterval 30\n");
        writer.add(entry("llama-0a1b2c", "llama"));
        byte[] once = Files.readAllBytes(userConfig);
        String hangarOnce = Files.readString(hangarHome.resolve("ssh/config"));

        SshConfigUpdate again = writer.add(entry("llama-0a1b2c", "llama"));

        assertThat(again.includeAdded()).isFalse();
        assertThat(again.rewritten()).isTrue();
        assertThat(again.replacedLaunches()).isEmpty();
        assertThat(Files.readAllBytes(userConfig)).isEqualTo(once);
        assertThat(Files.readString(hangarHome.resolve("ssh/config"))).isEqualTo(hangarOnce);
        assertThat(hangarOnce).containsOnlyOnce("Host hangar-llama\n");
    }

    @Test
    void anIncludeTheUserWroteWithATildeCounts() throws Exception {
        Files.createDirectories(sshDir);
        String original = "Include \"~/.hangar/ssh/config\"\nHost work\n";
        Files.writeString(userConfig, original);

        assertThat(writer.add(entry("llama-0a1b2c", "llama")).includeAdded()).isFalse();
        assertThat(Files.readString(userConfig)).isEqualTo(original);
    }

    @Test
    void aHostOfTheSameNameInTheUsersFileIsRefusedAndNothingIsWritten() throws Exception {
        Files.createDirectories(sshDir);
        String original = "Host work\n  HostName w\n\nhost = build  HANGAR-LLAMA # mine\n  User me\n";
        Files.writeString(userConfig, original);

        assertThatThrownBy(() -> writer.add(entry("llama-0a1b2c", "llama"))).isInstanceOf(SshHostTakenException.class)
                .hasMessage(userConfig + " line 4 already has its own \"Host hangar-llama\"; nothing was written. Remove or rename that entry,"
                        + " then run this again.");
        assertThat(Files.readString(userConfig)).isEqualTo(original);
        assertThat(hangarHome.resolve("ssh/config")).doesNotExist();
    }

    @Test
    void otherDirectivesNamingTheHostAreNotHostEntries() throws Exception {
        Files.createDirectories(sshDir);
        Files.writeString(userConfig, "Host jump\n  HostName hangar-llama\n  HostKeyAlias hangar-llama\n# Host hangar-llama\n");

        assertThat(writer.add(entry("llama-0a1b2c", "llama")).includeAdded()).isTrue();
    }

    @Test
    void otherLaunchesKeepTheirBlocksAndALaterLaunchOfTheSameNameTakesItsHostName() throws Exception {
        writer.add(entry("llama-0a1b2c", "llama"));
        writer.add(entry("mistral-3d4e5f", "mistral"));

        SshConfigUpdate relaunch = writer.add(entry("llama-777777", "llama"));

        String hangar = Files.readString(hangarHome.resolve("ssh/config"));
        assertThat(relaunch.replacedLaunches()).containsExactly("llama-0a1b2c");
        assertThat(relaunch.rewritten()).isFalse();
        assertThat(hangar).containsOnlyOnce("Host hangar-llama\n").contains("ssh-proxy --launch llama-777777", "Host hangar-mistral\n")
                .doesNotContain("llama-0a1b2c");
        assertThat(hangar.indexOf("Host hangar-mistral")).isLessThan(hangar.indexOf("Host hangar-llama"));
    }

    @Test
    void aSymbolicLinkIsFollowedNotReplaced() throws Exception {
        Path dotfiles = Files.createDirectories(userHome.resolve("dotfiles"));
        Path real = Files.writeString(dotfiles.resolve("ssh_config"), "Host work\n");
        Files.createDirectories(sshDir);
        Files.createSymbolicLink(userConfig, real);

        writer.add(entry("llama-0a1b2c", "llama"));

        assertThat(Files.isSymbolicLink(userConfig)).isTrue();
        assertThat(Files.readString(real)).startsWith("# Added by Hangar").endsWith("\n\nHost work\n");
    }

    @Test
    void hangarsFolderIsMadeOwnerOnlyEvenIfItWasWider() throws Exception {
        Files.createDirectories(hangarHome.resolve("ssh"));
        Files.setPosixFilePermissions(hangarHome.resolve("ssh"), PosixFilePermissions.fromString("rwxr-xr-x"));

        writer.add(entry("llama-0a1b2c", "llama"));

        assertThat(mode(hangarHome.resolve("ssh"))).isEqualTo("rwx------");
    }

    @Test
    void theReportSaysWhatHappened() throws Exception {
        SshConfigUpdate update = writer.add(entry("llama-0a1b2c", "llama"));

        assertThat(update.describe()).containsExactly(
                "Wrote Host hangar-llama in " + hangarHome.resolve("ssh/config"),
                "Added \"Include " + hangarHome.resolve("ssh/config") + "\" at the top of " + userConfig,
                "Connect with: ssh hangar-llama (scp, rsync and VS Code Remote-SSH use the same name)");
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
