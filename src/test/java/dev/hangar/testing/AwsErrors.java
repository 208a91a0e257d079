package dev.hangar.testing;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS errors in each service's own wire format, so that the SDK parses the error code exactly as
 * it would from AWS; and the reverse, the code out of a response moto sent.
 */
final class AwsErrors {

    /** The Query-protocol services' XML namespaces (the SDK ignores them, AWS sends them). */
    private static final Map<String, String> QUERY_NAMESPACES = Map.of(
            "iam", "https://iam.amazonaws.com/doc/2010-05-08/",
            "sts", "https://sts.amazonaws.com/doc/2011-06-15/",
            "cloudwatch", "http://monitoring.amazonaws.com/doc/2010-08-01/");

    private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]+)</Code>");
    private static final Pattern JSON_TYPE = Pattern.compile("\"(?:__type|code)\"\\s*:\\s*\"([^\"]+)\"");

    private AwsErrors() {}

    static WireResponse render(String service, int status, String code, String message) {
        String requestId = UUID.randomUUID().toString();
        WireResponse response = switch (service) {
            case "ec2" -> WireResponse.of(status, "text/xml;charset=UTF-8",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + xml(code)
                            + "</Code><Message>" + xml(message) + "</Message></Error></Errors><RequestID>"
                            + requestId + "</RequestID></Response>");
            case "s3" -> WireResponse.of(status, "application/xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + xml(code) + "</Code><Message>"
                            + xml(message) + "</Message><RequestId>" + requestId + "</RequestId><HostId>"
                            + requestId + "</HostId></Error>");
            case "ssm", "servicequotas", "pricing", "logs" -> Json.error(status, Json.AWS_JSON_1_1, code,
                    Json.object().put("message", message));
            case "sso", "ssooidc" -> Json.error(status, Json.REST_JSON, code, Json.object().put("message", message));
            default -> WireResponse.of(status, "text/xml",
                    "<ErrorResponse xmlns=\"" + QUERY_NAMESPACES.getOrDefault(service, "") + "\"><Error><Type>"
                            + (status >= 500 ? "Receiver" : "Sender") + "</Type><Code>" + xml(code)
                            + "</Code><Message>" + xml(message) + "</Message></Error><RequestId>" + requestId
                            + "</RequestId></ErrorResponse>");
        };
        response.headers().add("s3".equals(service) ? "x-amz-request-id" : "x-amzn-RequestId", requestId);
        return response;
    }

    /** The AWS error code of a response, or null when it is not an error or carries no code. */
    static String codeOf(WireResponse response) {
        if (response.status() < 300) {
            return null;
        }
        String header = response.headers().first("x-amzn-ErrorType");
        if (header != null && !header.isBlank()) {
            return simpleName(header.split(":", 2)[0]);
        }
        String body = response.bodyAsString();
        Matcher xml = XML_CODE.matcher(body);
        if (xml.find()) {
            return xml.group(1).trim();
        }
        Matcher json = JSON_TYPE.matcher(body);
        return json.find() ? simpleName(json.group(1)) : null;
    }

    /** "com.amazonaws.servicequotas#NoSuchResourceException" → "NoSuchResourceException" */
    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('#') + 1).trim();
    }

    static String xml(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }
}
