package dev.hangar.testing;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tells which service and operation a request is for, and flattens its parameters. */
final class CallClassifier {

    /** {@code Credential=AKID/20250101/us-east-1/ec2/aws4_request} */
    private static final Pattern CREDENTIAL_SCOPE =
            Pattern.compile("Credential=[^/,\\s]+/\\d{8}/([^/,\\s]+)/([^/,\\s]+)/aws4_request");

    /** SigV4 signing names that differ from the names we use. */
    private static final Map<String, String> SIGNING_NAMES = Map.of(
            "monitoring", "cloudwatch",
            "awsssoportal", "sso",
            "sso-oauth", "ssooidc");

    /** The SSO portal's REST paths; its calls carry a bearer token, not a signature. */
    private static final Map<String, String> SSO_PORTAL = Map.of(
            "/federation/credentials", "GetRoleCredentials",
            "/assignment/accounts", "ListAccounts",
            "/assignment/roles", "ListAccountRoles",
            "/logout", "Logout");

    /** SSO OIDC's REST paths; unsigned. */
    private static final Map<String, String> SSO_OIDC = Map.of(
            "/client/register", "RegisterClient",
            "/device_authorization", "StartDeviceAuthorization",
            "/token", "CreateToken");

    private CallClassifier() {}

    static Call classify(WireRequest request) {
        String service = "unknown";
        String region = null;
        Matcher scope = CREDENTIAL_SCOPE.matcher(nullToEmpty(request.headers().first("Authorization")));
        if (scope.find()) {
            region = scope.group(1);
            service = SIGNING_NAMES.getOrDefault(scope.group(2), scope.group(2));
        } else if (SSO_PORTAL.containsKey(request.path())) {
            service = "sso";
        } else if (SSO_OIDC.containsKey(request.path()) && "POST".equals(request.method())) {
            service = "ssooidc";
        }

        Map<String, String> params = new LinkedHashMap<>();
        FlatParams.addUrlEncoded(request.rawQuery(), params);
        String contentType = lower(request.headers().first("Content-Type"));
        boolean jsonApi = request.headers().first("X-Amz-Target") != null || service.startsWith("sso");
        if (!"s3".equals(service) && contentType.startsWith("application/x-www-form-urlencoded")) {
            FlatParams.addUrlEncoded(new String(request.body(), StandardCharsets.UTF_8), params);
        } else if (jsonApi && request.body().length > 0 && request.body()[0] == '{') {
            FlatParams.addJson(Json.parse(request.body()), "", params);
        }
        if ("unknown".equals(service) && params.getOrDefault("Action", "").startsWith("AssumeRoleWith")) {
            service = "sts"; // AssumeRoleWithWebIdentity / WithSAML are unsigned Query calls
        }
        return new Call(service, action(service, request, params), region, Collections.unmodifiableMap(params));
    }

    private static String action(String service, WireRequest request, Map<String, String> params) {
        String target = request.headers().first("X-Amz-Target");
        if (target != null) {
            return target.substring(target.lastIndexOf('.') + 1); // awsJson: "ServiceQuotasV20190624.GetServiceQuota"
        }
        if (params.containsKey("Action")) {
            return params.get("Action"); // Query protocol: ec2, iam, sts, cloudwatch at SDK 2.40.2
        }
        return switch (service) {
            case "s3" -> S3Actions.derive(request.method(), request.path(), params);
            case "sso" -> SSO_PORTAL.getOrDefault(request.path(), request.method() + " " + request.path());
            case "ssooidc" -> SSO_OIDC.getOrDefault(request.path(), request.method() + " " + request.path());
            default -> request.method() + " " + request.path();
        };
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
