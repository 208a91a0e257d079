package dev.hangar.auth;

import static dev.hangar.testing.TokenOutcome.PENDING;
import static dev.hangar.testing.TokenOutcome.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.testing.FakeIdentityCenter;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hangar login} as a real process with its own HOME and every logger at DEBUG: the exit code, and not
 * one token, client secret or role credential in anything it printed, logs included.
 */
@ExtendWith(LocalAwsExtension.class)
class LoginProcessTest {

    @TempDir Path home;
    @TempDir Path work;

    @Test
    void logsInAsAProcessAndPrintsNoSecretEvenAtDebug(LocalAws aws) throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), LoginCommandTest.CONFIG);
        aws.identityCenter().scriptToken(List.of(PENDING, PENDING, SUCCESS));

        ChildJvm.Result r = ChildJvm.run(work, Map.of("HOME", home.toString(), "AWS_EC2_METADATA_DISABLED", "true"),
                List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug"), "dev.hangar.app.Main",
                "login", "--sso-session", "my-sso", "--account", FakeIdentityCenter.DEFAULT_ACCOUNT, "--role", "HangarResearcher",
                "--write-profile", "research", "--endpoint-url", aws.uri().toString(), "--fast-polling");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).as("debug logging was on").contains("DEBUG software.amazon.awssdk").contains("user_code=");
        assertThat(r.out()).contains("Signed in to account 123456789012 as role HangarResearcher");
        Path cache = home.resolve(".aws/sso/cache/" + SsoTokenCacheTest.SHA1_MY_SSO + ".json");
        assertThat(cache).isRegularFile();
        SecretScan.assertNoSecrets(aws, List.of(cache), r.out(), r.err());

        ChildJvm.Result usage = ChildJvm.run(work, Map.of("HOME", home.toString()), List.of(), "dev.hangar.app.Main", "login");
        assertThat(usage.exit()).as(usage.toString()).isEqualTo(2);
    }
}
