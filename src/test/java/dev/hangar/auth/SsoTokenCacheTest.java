package dev.hangar.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The token cache in the AWS CLI v2's layout: names, fields, formats, modes. */
@ExtendWith(LocalAwsExtension.class)
class SsoTokenCacheTest {

    /** Test vectors, computed outside Java: {@code printf %s my-sso | sha1sum}. */
    static final String SHA1_MY_SSO = "0ad374308c5a4e22f723adf10145eafad7c4031c";
    static final String SHA1_START_URL = "40e09e101416130f73231e36ae5ea0c5007d1ee0";

    @TempDir Path home;

    @Test
    void theFileIsNamedAsTheCliNamesIt() {
        assertThat(AuthFixture.session().cacheKey()).isEqualTo(SHA1_MY_SSO);
        assertThat(AuthFixture.legacy().cacheKey()).isEqualTo(SHA1_START_URL);
        SsoTokenCache cache = new SsoTokenCache(home.resolve(".aws/sso/cache"));
        assertThat(cache.file(AuthFixture.session())).isEqualTo(home.resolve(".aws/sso/cache/" + SHA1_MY_SSO + ".json"));
    }

    @Test
    void aHangarSignInIsWrittenInTheClisLayoutMode0600(LocalAws aws) throws Exception {
        try (AuthFixture f = new AuthFixture(aws, home)) {
            SsoToken token = f.signIn(AuthFixture.session());

            Path dir = home.resolve(".aws/sso/cache");
            Path file = dir.resolve(SHA1_MY_SSO + ".json");
            assertThat(file).isRegularFile();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).as("no temp file left").containsExactly(SHA1_MY_SSO + ".json");
            }
            JsonNode json = new ObjectMapper().readTree(file.toFile());
            List<String> names = new ArrayList<>();
            json.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactly("startUrl", "region", "accessToken", "expiresAt", "clientId", "clientSecret",
                    "registrationExpiresAt", "refreshToken");
            assertThat(json.get("startUrl").asText()).isEqualTo(AuthFixture.START_URL);
            assertThat(json.get("region").asText()).isEqualTo(LocalAws.REGION);
            assertThat(json.get("accessToken").asText()).isEqualTo(token.accessToken());
            assertThat(json.get("expiresAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")
                    .isEqualTo(token.expiresAt().toString());
            assertThat(json.get("registrationExpiresAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(json.get("refreshToken").asText()).isEqualTo(token.refreshToken());
        }
    }

    @Test
    void readsWhatTheCliWritesIncludingItsOlderUtcSuffix() throws Exception {
        Path dir = home.resolve(".aws/sso/cache");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("startUrl", AuthFixture.START_URL);
        fields.put("region", "us-east-1");
        fields.put("accessToken", "aoa-cli-token");
        fields.put("expiresAt", "2026-11-26T12:00:00UTC");
        CliCache.write(dir, SHA1_START_URL, fields);

        SsoToken token = new SsoTokenCache(dir).load(AuthFixture.legacy()).orElseThrow();
        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
        assertThat(token.refreshToken()).isNull();
        assertThat(token.canRefreshAt(Instant.parse("2026-11-26T11:00:00Z"))).isFalse();
        assertThat(token.toString()).doesNotContain("aoa-cli-token");
        assertThat(SsoTokenCache.instant("2026-11-26T12:00:00.123Z")).isEqualTo(Instant.parse("2026-11-26T12:00:00.123Z"));
        assertThat(SsoTokenCache.instant("2026-11-26T13:00:00+01:00")).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
    }

    @Test
    void keepsFieldsItDoesNotKnowAndIgnoresAFileThatIsNoToken() throws Exception {
        Path dir = home.resolve(".aws/sso/cache");
        Files.createDirectories(dir);
        SsoTokenCache cache = new SsoTokenCache(dir);
        Files.writeString(cache.file(AuthFixture.session()), "{\"accessToken\": \"old\", \"expiresAt\": \"2020-01-01T00:00:00Z\", \"futureField\": 7}");

        cache.save(AuthFixture.session(), new SsoToken(AuthFixture.START_URL, "us-east-1", "new", Instant.parse("2030-01-01T00:00:00Z"),
                null, null, null, null));
        JsonNode json = new ObjectMapper().readTree(cache.file(AuthFixture.session()).toFile());
        assertThat(json.get("accessToken").asText()).isEqualTo("new");
        assertThat(json.get("futureField").asInt()).isEqualTo(7);

        Files.writeString(cache.file(AuthFixture.legacy()), "not json at all");
        assertThat(cache.load(AuthFixture.legacy())).isEmpty();
    }
}
