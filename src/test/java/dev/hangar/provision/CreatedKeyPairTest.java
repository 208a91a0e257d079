package dev.hangar.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.spec.Access;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, case 10: the private key of a created key pair lives in {@code <home>/keys}, which only its owner may
 * enter, and the printed {@code ssh} command survives a home whose path holds shell metacharacters.
 */
@ExtendWith(LocalAwsExtension.class)
class CreatedKeyPairTest {

    @TempDir Path tmp;
    private EngineFixture f;
    private Path home;

    @BeforeEach
    void setUp(LocalAws aws) {
        home = tmp.resolve("lab's data $HOME `id` (1)");
        f = new EngineFixture(aws, home);
    }

    private LaunchOutcome launchWithNewKey() throws InterruptedException {
        LaunchOutcome outcome = f.launch(EngineFixture.spec().access(Access.SSH).sshCidr("203.0.113.7/32")
                .keyPair("lab-key").createKeyPair(true).build());
        assertThat(outcome.succeeded()).as(outcome.message()).isTrue();
        return outcome;
    }

    @Test
    void theKeysFolderIsOnlyItsOwners() throws Exception {
        launchWithNewKey();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("keys")))).isEqualTo("rwx------");
    }

    @Test
    void theConnectCommandQuotesTheKeyPathForTheShell() throws Exception {
        String connect = launchWithNewKey().outputs().get("connect");
        assertThat(connect).startsWith("ssh ");

        // Let a real shell split it: printf prints each word ssh would get on a line of its own.
        Process sh = new ProcessBuilder("/bin/sh", "-c", "printf '%s\\n' " + connect.substring("ssh ".length()))
                .redirectErrorStream(true).start();
        List<String> words = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(sh.waitFor()).isZero();

        Path key = home.resolve("keys").resolve("lab-key.pem");
        assertThat(words).hasSize(3);
        assertThat(words.get(0)).isEqualTo("-i");
        assertThat(words.get(1)).isEqualTo(key.toString());
        assertThat(Files.exists(Path.of(words.get(1)))).isTrue();
        assertThat(words.get(2)).startsWith("ubuntu@");
    }
}
