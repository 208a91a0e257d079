package dev.hangar.auth;

import dev.hangar.testing.FakeIdentityCenter;
import dev.hangar.testing.LocalAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * What {@code aws sso login} leaves behind, made the way the CLI makes it: its OIDC calls through the plain
 * SDK client (no Hangar code), and the cache file in the CLI's own layout (Python's {@code json.dumps}).
 */
final class CliCache {

    private CliCache() {
    }

    /** Signs in as the CLI does (the fake approves at once) and returns the fields the CLI caches, in its order. */
    static Map<String, String> login(LocalAws aws, String startUrl, List<String> scopes) {
        SsoOidcClient oidc = aws.clients().ssoOidc(LocalAws.REGION);
        RegisterClientResponse client = oidc.registerClient(b -> b.clientName("botocore-client-cli").clientType("public").scopes(scopes));
        StartDeviceAuthorizationResponse device = oidc.startDeviceAuthorization(b -> b.clientId(client.clientId())
                .clientSecret(client.clientSecret()).startUrl(startUrl));
        CreateTokenResponse token = oidc.createToken(b -> b.clientId(client.clientId()).clientSecret(client.clientSecret())
                .grantType(FakeIdentityCenter.DEVICE_CODE_GRANT).deviceCode(device.deviceCode()));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("startUrl", startUrl);
        fields.put("region", LocalAws.REGION);
        fields.put("accessToken", token.accessToken());
        fields.put("expiresAt", iso(Instant.now().plusSeconds(token.expiresIn())));
        fields.put("clientId", client.clientId());
        fields.put("clientSecret", client.clientSecret());
        fields.put("registrationExpiresAt", iso(Instant.ofEpochSecond(client.clientSecretExpiresAt())));
        fields.put("refreshToken", token.refreshToken());
        return fields;
    }

    static String iso(Instant i) {
        return DateTimeFormatter.ISO_INSTANT.format(i.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Writes {@code <dir>/<key>.json} as the CLI does: {@code {"startUrl": "...", ...}}, mode 0600. */
    static Path write(Path dir, String key, Map<String, String> fields) throws IOException {
        Files.createDirectories(dir);
        String json = fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
        Path file = dir.resolve(key + ".json");
        Files.writeString(file, json);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
