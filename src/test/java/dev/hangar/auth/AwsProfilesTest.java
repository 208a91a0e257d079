package dev.hangar.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles and sso-sessions from the config and credentials files, wherever the environment puts them. */
class AwsProfilesTest {

    @TempDir Path home;

    @Test
    void findsTheFilesAsTheCliDoes() {
        AwsFiles plain = AwsFiles.of(Map.of(), home);
        assertThat(plain.config()).isEqualTo(home.resolve(".aws/config"));
        assertThat(plain.credentials()).isEqualTo(home.resolve(".aws/credentials"));
        assertThat(plain.ssoCache()).isEqualTo(home.resolve(".aws/sso/cache"));

        AwsFiles moved = AwsFiles.of(Map.of("AWS_CONFIG_FILE", "~/work/aws-config", "AWS_SHARED_CREDENTIALS_FILE", "/etc/creds"), home);
        assertThat(moved.config()).isEqualTo(home.resolve("work/aws-config"));
        assertThat(moved.credentials()).isEqualTo(Path.of("/etc/creds"));
        assertThat(moved.ssoCache()).as("the CLI's cache stays in the home directory").isEqualTo(home.resolve(".aws/sso/cache"));

        assertThat(AwsFiles.userHome(Map.of("HOME", "/home/researcher"))).isEqualTo(Path.of("/home/researcher"));
    }

    @Test
    void readsSessionsSessionProfilesLegacyProfilesAndKeys() throws Exception {
        Path config = home.resolve("elsewhere/config");
        Path credentials = home.resolve("elsewhere/credentials");
        Files.createDirectories(config.getParent());
        Files.writeString(config, """
                [default]
                region = eu-west-1

                [profile research]
                sso_session = my-sso
                sso_account_id = 123456789012
                sso_role_name = HangarResearcher
                region = us-east-1

                [profile old-style]
                sso_start_url = https://d-1111111111.awsapps.com/start
                sso_region = eu-central-1
                sso_account_id = 210987654321
                sso_role_name = ReadOnly

                [profile session-only]
                sso_session = lab

                [sso-session my-sso]
                sso_start_url = https://d-9067a1b2c3.awsapps.com/start
                sso_region = us-east-1
                sso_registration_scopes = sso:account:access, codewhisperer:completions

                [sso-session   lab ]
                sso_start_url = https://lab.awsapps.com/start
                sso_region = eu-west-2

                [sso-session broken]
                sso_region = eu-west-2
                """);
        Files.writeString(credentials, """
                [keys]
                aws_access_key_id = AKIAEXAMPLEEXAMPLE00
                aws_secret_access_key = example
                """);
        AwsProfiles profiles = AwsProfiles.read(AwsFiles.of(Map.of("AWS_CONFIG_FILE", config.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", credentials.toString()), home));

        assertThat(profiles.names()).containsExactly("default", "keys", "old-style", "research", "session-only");
        assertThat(profiles.ssoSessionNames()).containsExactly("broken", "lab", "my-sso");
        assertThat(profiles.ssoSession("my-sso")).hasValue(SsoStart.ofSession("my-sso", "https://d-9067a1b2c3.awsapps.com/start", "us-east-1",
                List.of("sso:account:access", "codewhisperer:completions")));
        assertThat(profiles.ssoSession("lab")).hasValueSatisfying(s -> assertThat(s.scopes()).isEqualTo(SsoStart.DEFAULT_SCOPES));
        assertThat(profiles.ssoSession("broken")).isEmpty();
        assertThat(profiles.defaultSsoSession()).hasValueSatisfying(s -> assertThat(s.sessionName()).contains("lab"));

        SsoProfile research = profiles.identityCenter("research").orElseThrow();
        assertThat(research.start().sessionName()).contains("my-sso");
        assertThat(research.start().cacheKey()).isEqualTo(SsoTokenCacheTest.SHA1_MY_SSO);
        assertThat(research.accountId()).contains("123456789012");
        assertThat(research.roleName()).contains("HangarResearcher");
        assertThat(research.region()).contains("us-east-1");
        assertThat(research.isComplete()).isTrue();

        SsoProfile old = profiles.identityCenter("old-style").orElseThrow();
        assertThat(old.start().isLegacy()).isTrue();
        assertThat(old.start().region()).isEqualTo("eu-central-1");
        assertThat(old.start().cacheKey()).isEqualTo(SsoStart.sha1Hex("https://d-1111111111.awsapps.com/start"));

        assertThat(profiles.identityCenter("session-only")).hasValueSatisfying(p -> assertThat(p.isComplete()).isFalse());
        assertThat(profiles.identityCenter("keys")).isEmpty();
        assertThat(profiles.identityCenter("default")).isEmpty();
        assertThat(profiles.usesIdentityCenter("old-style")).isTrue();
        assertThat(profiles.usesIdentityCenter("keys")).isFalse();
        assertThat(profiles.region("default")).contains("eu-west-1");
    }

    @Test
    void missingFilesAreNoProfiles() {
        AwsProfiles none = AwsProfiles.read(AwsFiles.of(Map.of(), home));
        assertThat(none.names()).isEmpty();
        assertThat(none.ssoSessionNames()).isEmpty();
        assertThat(none.defaultSsoSession()).isEmpty();
    }

    @Test
    void startUrlsAndRegionsAreChecked() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SsoStart.legacy("http://d-1.awsapps.com/start", "us-east-1"))
                .hasMessageContaining("https://");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SsoStart.legacy("https://d-1.awsapps.com/start", "Frankfurt"))
                .hasMessageContaining("not a region");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SsoStart.legacy("", "us-east-1")).hasMessageContaining("missing");
    }
}
