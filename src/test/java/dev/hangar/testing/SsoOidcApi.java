package dev.hangar.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * IAM Identity Center OIDC (service "ssooidc", restJson1), which moto does not have: RegisterClient,
 * StartDeviceAuthorization and CreateToken for the device-code and refresh-token grants. OAuth
 * errors carry {@code error}/{@code error_description} in the body and the exception name in
 * {@code x-amzn-ErrorType}, as AWS sends them.
 */
final class SsoOidcApi implements LocalApi {

    private final FakeIdentityCenter center;

    SsoOidcApi(FakeIdentityCenter center) {
        this.center = center;
    }

    @Override
    public WireResponse answer(Call call, WireRequest request) {
        if (!"ssooidc".equals(call.service())) {
            return null;
        }
        JsonNode body = Json.parse(request.body());
        return switch (call.action()) {
            case "RegisterClient" -> register(body);
            case "StartDeviceAuthorization" -> startDevice(body, call.region());
            case "CreateToken" -> createToken(body);
            default -> oauthError(400, "InvalidRequestException", "invalid_request", "unknown call " + call.action());
        };
    }

    private WireResponse register(JsonNode body) {
        FakeIdentityCenter.Client c = center.registerClient(body.path("clientName").asText("client"));
        long now = Instant.now().getEpochSecond();
        return Json.response(200, Json.REST_JSON, Json.object()
                .put("clientId", c.clientId())
                .put("clientSecret", c.clientSecret())
                .put("clientIdIssuedAt", now)
                .put("clientSecretExpiresAt", now + 90L * 24 * 3600));
    }

    private WireResponse startDevice(JsonNode body, String region) {
        if (center.client(text(body, "clientId"), text(body, "clientSecret")).isEmpty()) {
            return oauthError(401, "InvalidClientException", "invalid_client", "Invalid client");
        }
        FakeIdentityCenter.Device d = center.startDevice(text(body, "clientId"));
        String verification = "https://device.sso." + (region == null ? "us-east-1" : region) + ".amazonaws.com/";
        return Json.response(200, Json.REST_JSON, Json.object()
                .put("deviceCode", d.deviceCode())
                .put("userCode", d.userCode())
                .put("verificationUri", verification)
                .put("verificationUriComplete", verification + "?user_code=" + d.userCode())
                .put("expiresIn", 600)
                .put("interval", center.pollInterval()));
    }

    private WireResponse createToken(JsonNode body) {
        String clientId = text(body, "clientId");
        if (center.client(clientId, text(body, "clientSecret")).isEmpty()) {
            return oauthError(401, "InvalidClientException", "invalid_client", "Invalid client");
        }
        String grant = text(body, "grantType");
        if (FakeIdentityCenter.REFRESH_TOKEN_GRANT.equals(grant)) {
            return center.refresh(text(body, "refreshToken")).map(this::tokens)
                    .orElseGet(() -> oauthError(400, "InvalidGrantException", "invalid_grant", "Invalid refresh token provided"));
        }
        if (!FakeIdentityCenter.DEVICE_CODE_GRANT.equals(grant)) {
            return oauthError(400, "UnsupportedGrantTypeException", "unsupported_grant_type", "Unsupported grant type: " + grant);
        }
        Optional<TokenOutcome> outcome = center.poll(text(body, "deviceCode"), clientId);
        if (outcome.isEmpty()) {
            return oauthError(400, "InvalidGrantException", "invalid_grant", "Invalid grant provided");
        }
        return switch (outcome.get()) {
            case PENDING -> oauthError(400, "AuthorizationPendingException", "authorization_pending",
                    "Authorization is still pending");
            case SLOW_DOWN -> oauthError(400, "SlowDownException", "slow_down", "Client is polling too fast");
            case EXPIRED -> oauthError(400, "ExpiredTokenException", "expired_token", "Device code has expired");
            case DENIED -> oauthError(400, "AccessDeniedException", "access_denied", "Authorization was denied");
            case SUCCESS -> tokens(center.issueTokens());
        };
    }

    private WireResponse tokens(String[] accessAndRefresh) {
        return Json.response(200, Json.REST_JSON, Json.object()
                .put("accessToken", accessAndRefresh[0])
                .put("tokenType", "Bearer")
                .put("expiresIn", (int) center.accessTokenLifetime().toSeconds())
                .put("refreshToken", accessAndRefresh[1]));
    }

    private static WireResponse oauthError(int status, String exception, String error, String description) {
        ObjectNode fields = Json.object().put("error", error).put("error_description", description);
        return Json.error(status, Json.REST_JSON, exception, fields);
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
