package dev.hangar.blueprint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hangar.spec.Access;
import dev.hangar.spec.BucketAccess;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.RunSpec;
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

        List<ObjectNode> statements = new ArrayList<>(List.of(list, objects));
        String codeBucketArn = runCodeStatements(spec, partition, bucketAccount, statements);

        // Encryption in transit: the role cannot reach the data (nor a run's code) over plain HTTP.
        ObjectNode tlsOnly = JSON.createObjectNode().put("Sid", "DenyInsecureTransport").put("Effect", "Deny").put("Action", "s3:*");
        ArrayNode denied = tlsOnly.putArray("Resource").add(bucketArn).add(bucketArn + "/*");
        if (codeBucketArn != null && !codeBucketArn.equals(bucketArn)) {
            denied.add(codeBucketArn).add(codeBucketArn + "/*");
        }
        tlsOnly.putObject("Condition").putObject("Bool").put("aws:SecureTransport", "false");
        statements.add(tlsOnly);
        return document(statements);
    }

    /**
     * A run whose code is an {@code s3://bucket/prefix/} outside the data prefix may read that prefix and nothing else
     * of its bucket: ListBucket on the prefix, GetObject under it. Inside the data prefix the data statements already
     * cover it, and a local folder is uploaded under the data prefix.
     *
     * @return the code bucket's ARN when statements were added, else null
     */
    private static String runCodeStatements(LaunchSpec spec, String partition, String bucketAccount, List<ObjectNode> statements) {
        RunSpec run = spec.run();
        if (run == null || !run.codeInS3()) {
            return null;
        }
        String rest = run.code().substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.equals(spec.dataBucket()) && prefix.startsWith(spec.dataPrefix())) {
            return null;
        }
        String codeBucketArn = "arn:" + partition + ":s3:::" + bucket;
        ObjectNode list = JSON.createObjectNode().put("Sid", "ListRunCode").put("Effect", "Allow").put("Action", "s3:ListBucket")
                .put("Resource", codeBucketArn);
        if (!prefix.isEmpty()) {
            list.putObject("Condition").putObject("StringLike").putArray("s3:prefix").add(prefix).add(prefix + "*");
        }
        ObjectNode read = JSON.createObjectNode().put("Sid", "ReadRunCode").put("Effect", "Allow").put("Action", "s3:GetObject")
                .put("Resource", codeBucketArn + "/" + prefix + "*");
        if (bucketAccount != null && bucket.equals(spec.dataBucket())) {
            for (ObjectNode allow : List.of(list, read)) {
                ObjectNode condition = allow.has("Condition") ? (ObjectNode) allow.get("Condition") : allow.putObject("Condition");
                condition.putObject("StringEquals").put("aws:ResourceAccount", bucketAccount);
            }
        }
        statements.add(list);
        statements.add(read);
        return codeBucketArn;
    }

    /**
     * What the first-boot script's CloudWatch agent does and nothing more: put metrics, and only in its own namespace.
     * (AWS's CloudWatchAgentServerPolicy would add logs, SSM parameters and EC2 describes the agent does not use here.)
     */
    public static String cloudWatchAgentPolicy() {
        return document(List.of(agentMetrics()));
    }

    /**
     * The agent's policy of a launch with a run: also write the run's output to its log group, and only there:
     * {@code logs:CreateLogStream} and {@code logs:PutLogEvents} on {@code /hangar/<launch id>} and its streams. The group
     * itself, and its retention, are the launch's to make; the instance may not create, delete or read any group.
     *
     * @param account the account the launch runs in; null when not known (an offline export): any account, the
     *                group's name being the launch's own
     */
    public static String cloudWatchAgentPolicy(String region, String account, String logGroup) {
        String group = "arn:" + partition(region) + ":logs:" + region + ":" + (account == null ? "*" : account) + ":log-group:" + logGroup;
        ObjectNode logs = JSON.createObjectNode().put("Sid", "WriteRunLogs").put("Effect", "Allow");
        logs.putArray("Action").add("logs:CreateLogStream").add("logs:PutLogEvents");
        logs.putArray("Resource").add(group + ":*").add(group + ":log-stream:*");
        return document(List.of(agentMetrics(), logs));
    }

    private static ObjectNode agentMetrics() {
        ObjectNode metrics = JSON.createObjectNode().put("Sid", "PutAgentMetrics").put("Effect", "Allow")
                .put("Action", "cloudwatch:PutMetricData").put("Resource", "*"); // PutMetricData has no resource ARN
        metrics.putObject("Condition").putObject("StringEquals").put("cloudwatch:namespace", AGENT_NAMESPACE);
        return metrics;
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
