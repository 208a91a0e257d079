package dev.hangar.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing a profile into ~/.aws/config: appended, nothing else touched, nothing overwritten. */
class AwsConfigWriterTest {

    /** Comments, odd spacing, a non-ASCII byte, no newline at the end. */
    static final byte[] EXISTING = ("# my settings — keep\n[default]\nregion=eu-west-1\n\n[profile  work ]  \n"
            + "credential_process = /usr/bin/get-creds --flag\ncli_pager=\n").getBytes(StandardCharsets.UTF_8);

    @TempDir Path home;

    @Test
    void appendsTheProfileAndItsSessionKeepingTheFileByteForByte() throws Exception {
        Path config = home.resolve(".aws/config");
        Files.createDirectories(config.getParent());
        byte[] existing = Arrays.copyOf(EXISTING, EXISTING.length - 1); // without the final newline
        Files.write(config, existing);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r-----"));

        AwsConfigWriter.Written w = new AwsConfigWriter(config).addProfile("research", AuthFixture.session(), "123456789012",
                "HangarResearcher", Optional.of("us-east-1"));

        byte[] now = Files.readAllBytes(config);
        assertThat(Arrays.copyOf(now, existing.length)).isEqualTo(existing);
        assertThat(new String(now, existing.length, now.length - existing.length, StandardCharsets.UTF_8)).isEqualTo("""


                [profile research]
                sso_session = my-sso
                sso_account_id = 123456789012
                sso_role_name = HangarResearcher
                region = us-east-1

                [sso-session my-sso]
                sso_start_url = https://d-9067a1b2c3.awsapps.com/start
                sso_region = us-east-1
                sso_registration_scopes = sso:account:access
                """);
        assertThat(w.addedSession()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-r-----");

        AwsProfiles read = AwsProfiles.read(AwsFiles.of(Map.of(), home));
        assertThat(read.identityCenter("research")).hasValueSatisfying(p -> {
            assertThat(p.start()).isEqualTo(AuthFixture.session());
            assertThat(p.isComplete()).isTrue();
        });
        assertThat(read.names()).contains("default", "work");

        // A second profile on the same session reuses the section.
        new AwsConfigWriter(config).addProfile("research-ro", AuthFixture.session(), "123456789012", "ReadOnly", Optional.empty());
        String text = Files.readString(config);
        assertThat(text.split("\\[sso-session my-sso\\]", -1)).hasSize(2);
        assertThat(text).endsWith("[profile research-ro]\nsso_session = my-sso\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\n");
    }

    @Test
    void neverOverwritesAnExistingProfileOrAConflictingSession() throws Exception {
        Path config = home.resolve("config");
        Files.write(config, EXISTING);
        AwsConfigWriter writer = new AwsConfigWriter(config);

        assertThatThrownBy(() -> writer.addProfile("work", AuthFixture.session(), "1", "R", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> writer.addProfile("default", AuthFixture.session(), "1", "R", Optional.empty()))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> writer.addProfile("bad name", AuthFixture.session(), "1", "R", Optional.empty()))
                .hasMessageContaining("profile name");
        assertThat(Files.readAllBytes(config)).isEqualTo(EXISTING);

        Files.writeString(config, "[sso-session my-sso]\nsso_start_url = https://other.awsapps.com/start\nsso_region = us-east-1\n");
        assertThatThrownBy(() -> writer.check("research", AuthFixture.session())).hasMessageContaining("another start URL");
    }

    @Test
    void aLegacySignInIsWrittenAsALegacyProfileInANewPrivateFile() throws Exception {
        Path config = home.resolve("new/config");
        new AwsConfigWriter(config).addProfile("old", AuthFixture.legacy(), "210987654321", "AdministratorAccess", Optional.empty());
        assertThat(Files.readString(config)).isEqualTo("""
                [profile old]
                sso_start_url = https://d-9067a1b2c3.awsapps.com/start
                sso_region = us-east-1
                sso_account_id = 210987654321
                sso_role_name = AdministratorAccess
                """);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
    }

    @Test
    void keepsWindowsLineEndingsAndWritesThroughASymbolicLink() throws Exception {
        Path real = home.resolve("dotfiles/aws-config");
        Files.createDirectories(real.getParent());
        Files.writeString(real, "[default]\r\nregion = us-east-1\r\n");
        Path link = home.resolve(".aws/config");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, real);

        new AwsConfigWriter(link).addProfile("research", AuthFixture.legacy(), "1", "R", Optional.empty());

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).startsWith("[default]\r\nregion = us-east-1\r\n\r\n[profile research]\r\n")
                .doesNotContain("\r\r").satisfies(t -> assertThat(List.of(t.split("\r\n"))).noneMatch(l -> l.contains("\n")));
    }
}
