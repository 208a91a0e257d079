package dev.hangar.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.testing.FakeIdentityCenter;
import dev.hangar.testing.LocalAws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks text for the secrets of a sign-in: the tokens and client secret of every cache file given, and the
 * secret key and session token of every role credential the fake issued. (Access key IDs are not secrets in
 * themselves, but Hangar's own output leaves them out too.)
 */
final class SecretScan {

    private SecretScan() {
    }

    static List<String> secrets(LocalAws aws, List<Path> cacheFiles) {
        List<String> secrets = new ArrayList<>();
        for (Path file : cacheFiles) {
            try {
                JsonNode json = new ObjectMapper().readTree(file.toFile());
                for (String field : List.of("accessToken", "refreshToken", "clientSecret")) {
                    if (json.hasNonNull(field)) {
                        secrets.add(json.get(field).asText());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (FakeIdentityCenter.IssuedCredentials c : aws.identityCenter().issuedCredentials()) {
            secrets.add(c.secretAccessKey());
            secrets.add(c.sessionToken());
            secrets.add(c.accessKeyId());
        }
        assertThat(secrets).as("there are secrets to look for").isNotEmpty();
        return secrets;
    }

    static void assertNoSecrets(LocalAws aws, List<Path> cacheFiles, String... texts) {
        List<String> secrets = secrets(aws, cacheFiles);
        for (String text : texts) {
            for (String secret : secrets) {
                assertThat(text).as("a secret in the output").doesNotContain(secret);
            }
        }
    }
}
