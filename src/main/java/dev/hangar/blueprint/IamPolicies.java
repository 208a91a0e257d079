package dev.hangar.blueprint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hangar.spec.Access;
import dev.hangar.spec.BucketAccess;
import dev.hangar.spec.LaunchSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The IAM documents of a launch: the EC2 trust policy, the data-access policy scoped to the chosen
 * bucket and prefix (never {@code "Resource": "*"}), and the AWS managed policies attached.
 */
public final class IamPolicies {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The namespace the first-boot script's CloudWatch agent reports in. */
    public static final String AGENT_NAMESPACE = "CWAgent";
    private static final String SSM_CORE = "AmazonSSMManagedInstanceCore";

    private IamPolicies() {
    }

    public static String trustPolicy() {
        ObjectNode statement = JSON.createObjectNode()
                .put("Effect", "Allow")
                .put("Action", "sts:AssumeRole");
        statement.putObject("Principal").put("Service", "ec2.amazonaws.com");
        return document(List.of(statement));
    }

    /** The data policy when the bucket's account is not known (an offline export); see {@link #dataAccessPolicy(LaunchSpec, String)}. */
    public static String dataAccessPolicy(LaunchSpec spec) {
        return dataAccessPolicy(spec, spec.dataBucketOwner());
    }

    /**
     * Read-only: GetObject and ListBucket; read-write adds PutObject, DeleteObject, AbortMultipartUpload. TLS only.
     *
     * @param bucketAccount the account that owns the bucket: the Allow statements hold only for a bucket of that
     *                      account (aws:ResourceAccount), so a same-named bucket elsewhere is out of reach; null: unknown
     */
    public static String dataAccessPolicy(LaunchSpec spec, String bucketAccount) {
        String partition = partition(spec.region());
        String bucketArn = "arn:" + partition + ":s3:::" + spec.dataBucket();
        String objectsArn = bucketArn + "/" + spec.dataPrefix() + "*";

        ObjectNode list = JSON.createObjectNode().put("Sid", "ListDataBucket").put("Effect", "Allow").put("Action", "s3:ListBucket").put("Resource", bucketArn);
        if (!spec.dataPrefix().isEmpty()) {
            list.putObject("Condition").putObject("StringLike").putArray("s3:prefix").add(spec.dataPrefix()).add(spec.dataPrefix() + "*");
        }

        ObjectNode objects = JSON.createObjectNode().put("Sid", spec.bucketAccess() == BucketAccess.READ_WRITE ? "ReadWriteData" : "ReadData").put("Effect", "Allow");
        ArrayNode actions = objects.putArray("Action").add("s3:GetObject");
        if (spec.bucketAccess() == BucketAccess.READ_WRITE) {
            actions.add("s3:PutObject").add("s3:DeleteObject").add("s3:AbortMultipartUpload");
        }
        objects.put("Resource", objectsArn);
        if (bucketAccount != null) {
            for (ObjectNode allow : List.of(list, objects)) {
                ObjectNode condition = allow.has("Condition") ? (ObjectNode) allow.get("Condition") : allow.putObject("Condition");
                condition.putObject("StringEquals").put("aws:ResourceAccount", bucketAccount);
            }
        }

        // Encryption in transit: the role cannot reach the data over plain HTTP.
        ObjectNode tlsOnly = JSON.createObjectNode().put("Sid", "DenyInsecureTransport").put("Effect", "Deny").put("Action", "s3:*");
        tlsOnly.putArray("Resource").add(bucketArn).add(bucketArn + "/*");
        tlsOnly.putObject("Condition").putObject("Bool").put("aws:SecureTransport", "false");

        return document(List.of(list, objects, tlsOnly));
    }

    /**
     * What the first-boot script's CloudWatch agent does and nothing more: put metrics, and only in its own namespace.
     * (AWS's CloudWatchAgentServerPolicy would add logs, SSM parameters and EC2 describes the agent does not use here.)
     */
    public static String cloudWatchAgentPolicy() {
        ObjectNode metrics = JSON.createObjectNode().put("Sid", "PutAgentMetrics").put("Effect", "Allow")
                .put("Action", "cloudwatch:PutMetricData").put("Resource", "*"); // PutMetricData has no resource ARN
        metrics.putObject("Condition").putObject("StringEquals").put("cloudwatch:namespace", AGENT_NAMESPACE);
        return document(List.of(metrics));
    }

    /** AWS managed policies: Session Manager's documented minimum when access is SSM; none otherwise. */
    public static List<String> managedPolicyArns(LaunchSpec spec) {
        List<String> arns = new ArrayList<>();
        if (spec.access() == Access.SSM) {
            arns.add("arn:" + partition(spec.region()) + ":iam::aws:policy/" + SSM_CORE);
        }
        return arns;
    }

    /** What an AWS managed policy grants, in words for the review. */
    public static String grants(String managedPolicyArn) {
        return managedPolicyArn.endsWith("/" + SSM_CORE)
                ? "lets the SSM agent register the instance and carry Session Manager sessions (ssm:UpdateInstanceInformation, "
                        + "ssmmessages:*, ec2messages:*), read SSM parameters and documents (ssm:GetParameter(s), ssm:GetDocument, ...) "
                        + "and report inventory; nothing on your buckets or other instances. AWS's documented minimum for Session Manager."
                : "an AWS managed policy";
    }

    public static String partition(String region) {
        if (region == null) {
            return "aws";
        }
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    private static String document(List<ObjectNode> statements) {
        ObjectNode doc = JSON.createObjectNode().put("Version", "2012-10-17");
        statements.forEach(doc.putArray("Statement")::add);
        try {
            return JSON.writeValueAsString(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
