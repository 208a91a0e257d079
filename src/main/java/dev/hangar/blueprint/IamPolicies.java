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

    private IamPolicies() {
    }

    public static String trustPolicy() {
        ObjectNode statement = JSON.createObjectNode()
                .put("Effect", "Allow")
                .put("Action", "sts:AssumeRole");
        statement.putObject("Principal").put("Service", "ec2.amazonaws.com");
        return document(List.of(statement));
    }

    /** Read-only: GetObject and ListBucket; read-write adds PutObject, DeleteObject, AbortMultipartUpload. TLS only. */
    public static String dataAccessPolicy(LaunchSpec spec) {
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

        // Encryption in transit: the role cannot reach the data over plain HTTP.
        ObjectNode tlsOnly = JSON.createObjectNode().put("Sid", "DenyInsecureTransport").put("Effect", "Deny").put("Action", "s3:*");
        tlsOnly.putArray("Resource").add(bucketArn).add(bucketArn + "/*");
        tlsOnly.putObject("Condition").putObject("Bool").put("aws:SecureTransport", "false");

        return document(List.of(list, objects, tlsOnly));
    }

    /** AWS managed policies: SSM Session Manager when access is SSM, the CloudWatch agent for GPU metrics always. */
    public static List<String> managedPolicyArns(LaunchSpec spec) {
        String prefix = "arn:" + partition(spec.region()) + ":iam::aws:policy/";
        List<String> arns = new ArrayList<>();
        if (spec.access() == Access.SSM) {
            arns.add(prefix + "AmazonSSMManagedInstanceCore");
        }
        arns.add(prefix + "CloudWatchAgentServerPolicy");
        return arns;
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
