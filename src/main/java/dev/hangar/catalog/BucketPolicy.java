package dev.hangar.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a bucket policy as IAM evaluates it, for the one question Hangar asks: is plain HTTP to the bucket
 * denied to everyone? That is a statement with {@code Effect: Deny}, every principal, every S3 action, the
 * bucket (or all of its objects) as resource, and the condition {@code Bool aws:SecureTransport = false}.
 */
final class BucketPolicy {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BucketPolicy() {
    }

    /** False also for a policy that cannot be parsed: it denies nothing Hangar can rely on. */
    static boolean deniesPlainHttp(String policy, String bucket) {
        if (policy == null || policy.isBlank()) {
            return false;
        }
        try {
            return values(JSON.readTree(policy).path("Statement")).stream().anyMatch(s -> deniesPlainHttp(s, bucket));
        } catch (IOException unparsable) {
            return false;
        }
    }

    /**
     * Whether a statement allows everyone (Principal "*") without a condition that narrows who: S3's own test for a
     * public policy, for an endpoint that does not answer GetBucketPolicyStatus. Unparsable: not known, null.
     */
    static Boolean grantsEveryone(String policy) {
        if (policy == null || policy.isBlank()) {
            return false;
        }
        try {
            return values(JSON.readTree(policy).path("Statement")).stream().anyMatch(s -> "Allow".equals(s.path("Effect").asText())
                    && everyone(s.path("Principal")) && !narrowsWho(s.path("Condition")));
        } catch (IOException unparsable) {
            return null;
        }
    }

    /** Condition keys that tie a request to known sources or accounts, which makes a policy non-public in S3's terms. */
    private static final List<String> NARROWING_KEYS = List.of("aws:sourceip", "aws:sourcevpc", "aws:sourcevpce", "aws:sourceaccount",
            "aws:sourcearn", "aws:sourceowner", "aws:principalorgid", "aws:principalaccount", "aws:principalarn", "aws:userid",
            "aws:principalorgpaths", "s3:dataaccesspointaccount", "s3:dataaccesspointarn");

    private static boolean narrowsWho(JsonNode condition) {
        var operators = condition.fields();
        while (operators.hasNext()) {
            var keys = operators.next().getValue().fieldNames();
            while (keys.hasNext()) {
                if (NARROWING_KEYS.contains(keys.next().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean deniesPlainHttp(JsonNode statement, String bucket) {
        return "Deny".equals(statement.path("Effect").asText())
                && everyone(statement.path("Principal"))
                && values(statement.path("Action")).stream().anyMatch(a -> globMatches(a.asText(), "s3:*"))
                && values(statement.path("Resource")).stream().anyMatch(r -> coversBucket(r.asText(), bucket))
                && insecureTransportOnly(statement.path("Condition"));
    }

    private static boolean everyone(JsonNode principal) {
        return principal.isTextual() ? "*".equals(principal.asText())
                : values(principal.path("AWS")).stream().anyMatch(p -> "*".equals(p.asText()));
    }

    /** The bucket itself or all of its objects, in any partition ({@code arn:aws-cn:…} too). */
    private static boolean coversBucket(String resource, String bucket) {
        String inAws = resource.replaceFirst("^arn:[^:*]+:", "arn:aws:");
        return globMatches(inAws, "arn:aws:s3:::" + bucket) || globMatches(inAws, "arn:aws:s3:::" + bucket + "/*");
    }

    /** {@code Bool} (or {@code BoolIfExists}) {@code aws:SecureTransport} = false; condition keys ignore case. */
    private static boolean insecureTransportOnly(JsonNode condition) {
        for (String operator : List.of("Bool", "BoolIfExists")) {
            var keys = condition.path(operator).fields();
            while (keys.hasNext()) {
                var key = keys.next();
                if (key.getKey().toLowerCase(Locale.ROOT).equals("aws:securetransport")
                        && values(key.getValue()).stream().anyMatch(v -> v.asText().equalsIgnoreCase("false"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** IAM's wildcards: {@code *} any run of characters, {@code ?} one character. */
    private static boolean globMatches(String pattern, String text) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("(?=[*?])|(?<=[*?])")) {
            regex.append(part.equals("*") ? ".*" : part.equals("?") ? "." : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(text).matches();
    }

    /** A policy element that may be one value or a list of them. */
    private static List<JsonNode> values(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node);
        }
        return out;
    }
}
