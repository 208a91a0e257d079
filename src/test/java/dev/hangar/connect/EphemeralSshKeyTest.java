package dev.hangar.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.testing.OpenSshTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key Hangar makes for one connection, judged by OpenSSH's own ssh-keygen. */
class EphemeralSshKeyTest {

    @TempDir Path dir;

    @Test
    void sshKeygenReadsThePrivateKeyFileAndDerivesTheSamePublicKey() throws Exception {
        EphemeralSshKey key = EphemeralSshKey.generate("hangar llama-0a1b2c");
        Path file = dir.resolve("id");
        Files.write(file, key.privateKeyFile());
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

        String derived = OpenSshTools.publicKeyOf(file);

        assertThat(key.publicKey()).matches("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43}");
        assertThat(derived.split(" ")[0] + " " + derived.split(" ")[1]).isEqualTo(key.publicKey());
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n").endsWith("\n-----END OPENSSH PRIVATE KEY-----\n");
    }

    @Test
    void theFingerprintIsTheOneSshKeygenPrints() throws Exception {
        EphemeralSshKey key = EphemeralSshKey.generate("c");
        Path pub = Files.writeString(dir.resolve("id.pub"), key.publicKey() + "\n");

        OpenSshTools.Result listed = OpenSshTools.run(List.of(OpenSshTools.sshKeygen().toString(), "-l", "-f", pub.toString()));

        assertThat(listed.output()).as(listed.output()).contains(key.fingerprint());
    }

    @Test
    void eachKeyIsNewAndItsTextShowsNoPrivatePart() {
        EphemeralSshKey a = EphemeralSshKey.generate("c");
        EphemeralSshKey b = EphemeralSshKey.generate("c");
        String privateBase64 = new String(a.privateKeyFile(), StandardCharsets.US_ASCII).lines().skip(1).findFirst().orElseThrow();

        assertThat(a.publicKey()).isNotEqualTo(b.publicKey());
        assertThat(a.toString()).isEqualTo("EphemeralSshKey[ssh-ed25519 " + a.fingerprint() + "]").doesNotContain(privateBase64);
    }

    @Test
    void forgettingThePrivateKeyOverwritesIt() {
        EphemeralSshKey key = EphemeralSshKey.generate("c");
        key.forgetPrivateKey();

        assertThat(key.privateKeyFile()).containsOnly(0);
    }
}
