package dev.hangar.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsSettingsTest {

    @Test
    void theCommandLineWinsOverTheEnvironment() {
        AwsSettings s = AwsSettings.of("research", "http://127.0.0.1:5000", Map.of("AWS_ENDPOINT_URL", "http://other:1", "AWS_PROFILE", "x"));
        assertThat(s.profile()).contains("research");
        assertThat(s.endpoint()).contains(URI.create("http://127.0.0.1:5000"));
    }

    @Test
    void theEnvironmentFillsWhatTheCommandLineLeavesOut() {
        AwsSettings s = AwsSettings.of(null, null, Map.of("AWS_ENDPOINT_URL", "http://localhost:4566", "AWS_PROFILE", "lab"));
        assertThat(s.endpoint()).contains(URI.create("http://localhost:4566"));
        assertThat(s.profile()).contains("lab");
    }

    @Test
    void noEndpointMeansRealAws() {
        AwsSettings s = AwsSettings.of(null, null, Map.of());
        assertThat(s.endpoint()).isEmpty();
        assertThat(s.profile()).isEmpty();
    }

    @Test
    void aMalformedEndpointIsRefusedNamingTheUrl() {
        assertThatThrownBy(() -> AwsSettings.of(null, "localhost:4566", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("localhost:4566");
        assertThatThrownBy(() -> AwsSettings.of(null, "ftp://x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp://x");
    }

    /** Issue 15: the sign-in services refuse plain http to another host unless --allow-insecure-endpoint. */
    @Test
    void signInRefusesPlainHttpToAnotherHostOnly() {
        for (String ok : List.of("http://127.0.0.1:4566", "http://127.9.8.7:1", "http://localhost:4566", "http://LOCALHOST",
                "http://[::1]:4566", "https://sso.example.org", "https://10.0.0.5:4566")) {
            AwsSettings.of(null, ok, Map.of()).requireSafeForSignIn();
        }
        for (String bad : List.of("http://10.0.0.5:4566", "http://sso.example.org", "http://0.0.0.0:4566", "http://[fd00::2]:4566",
                "http://127.0.0.1.nip.io:4566", "http://localhost.example.org")) {
            assertThatThrownBy(() -> AwsSettings.of(null, bad, Map.of()).requireSafeForSignIn()).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--allow-insecure-endpoint");
            AwsSettings.of(null, bad, Map.of()).withInsecureEndpointAllowed(true).withMaxAttempts(2).requireSafeForSignIn();
        }
        AwsSettings.defaults().requireSafeForSignIn();
    }
}
