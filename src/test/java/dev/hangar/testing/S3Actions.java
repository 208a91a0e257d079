package dev.hangar.testing;

import java.util.Map;

/**
 * Names S3's REST calls the way the SDK names its operations, for recording and fault rules.
 * Path-style only: {@link dev.hangar.aws.AwsClients} forces path style when an endpoint is set.
 */
final class S3Actions {

    /** Bucket sub-resources (query keys) and the operation noun they belong to. */
    private static final Map<String, String> BUCKET_SUBRESOURCES = Map.of(
            "location", "BucketLocation",
            "publicAccessBlock", "PublicAccessBlock",
            "policy", "BucketPolicy",
            "policyStatus", "BucketPolicyStatus",
            "encryption", "BucketEncryption",
            "tagging", "BucketTagging",
            "versioning", "BucketVersioning",
            "acl", "BucketAcl",
            "ownershipControls", "BucketOwnershipControls");

    private S3Actions() {}

    static String derive(String method, String path, Map<String, String> query) {
        String xId = query.get("x-id");
        if (xId != null && !xId.isEmpty()) {
            return xId; // newer SDKs name the operation in the query string themselves
        }
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.isEmpty()) {
            return "GET".equals(method) ? "ListBuckets" : method + " " + path;
        }
        boolean object = trimmed.indexOf('/') > 0 && trimmed.indexOf('/') < trimmed.length() - 1;
        for (Map.Entry<String, String> sub : BUCKET_SUBRESOURCES.entrySet()) {
            if (query.containsKey(sub.getKey())) {
                String noun = object ? sub.getValue().replace("Bucket", "Object") : sub.getValue();
                String verb = switch (method) {
                    case "GET" -> "Get";
                    case "PUT" -> "Put";
                    case "DELETE" -> "Delete";
                    default -> null;
                };
                return verb == null ? method + " " + path : verb + noun;
            }
        }
        if (object) {
            return switch (method) {
                case "PUT" -> "PutObject";
                case "GET" -> "GetObject";
                case "HEAD" -> "HeadObject";
                case "DELETE" -> "DeleteObject";
                default -> method + " " + path;
            };
        }
        return switch (method) {
            case "PUT" -> "CreateBucket";
            case "DELETE" -> "DeleteBucket";
            case "HEAD" -> "HeadBucket";
            case "GET" -> "2".equals(query.get("list-type")) ? "ListObjectsV2" : "ListObjects";
            case "POST" -> query.containsKey("delete") ? "DeleteObjects" : method + " " + path;
            default -> method + " " + path;
        };
    }
}
