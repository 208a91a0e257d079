package dev.hangar.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the front server saw, with the answer it gave.
 *
 * @param service   ec2, iam, sts, s3, cloudwatch, ssm, servicequotas, pricing, sso, ssooidc or unknown
 * @param action    the SDK operation name, e.g. RunInstances, GetServiceQuota, CreateToken, PutObject
 * @param region    the SigV4 scope's region; null for unsigned calls
 * @param params    query/form parameters and JSON bodies as one flat Query-style map
 *                  ({@code Placement.Tenancy}, {@code TagSpecification.1.Tag.1.Key}, {@code Filters.1.Value})
 * @param headers   lower-cased header names to their values
 * @param status    the HTTP status answered; 0 when the connection was reset instead
 * @param errorCode the AWS error code answered (injected, ours or moto's), or null; for a reset
 *                  "ConnectionReset" (not acted on) or "ResponseLost(&lt;status&gt;)" (acted on, answer dropped)
 */
public record RecordedRequest(
        String service,
        String action,
        String region,
        String method,
        String path,
        Map<String, String> params,
        byte[] body,
        Map<String, List<String>> headers,
        int status,
        String errorCode,
        Instant start,
        Instant end) {

    public String param(String name) {
        return params.get(name);
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isDryRun() {
        return "true".equalsIgnoreCase(params.get("DryRun"));
    }

    public boolean isError() {
        return status == 0 || status >= 400;
    }

    /**
     * Whether this call may change something in the account: its action does not start with
     * Describe/Get/List/Head and it is not a DryRun. Signing in through IAM Identity Center
     * (sso, ssooidc) is not counted: it creates no AWS resource.
     */
    public boolean isMutating() {
        if ("sso".equals(service) || "ssooidc".equals(service) || isDryRun()) {
            return false;
        }
        return !(action.startsWith("Describe") || action.startsWith("Get") || action.startsWith("List")
                || action.startsWith("Head") || action.startsWith("Simulate"));
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    @Override
    public String toString() {
        return service + ":" + action + " -> " + (status == 0 ? "reset" : status)
                + (errorCode == null ? "" : " " + errorCode) + " " + params;
    }
}
