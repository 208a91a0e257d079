package dev.hangar.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.ClusterModel;
import dev.hangar.blueprint.NetworkModel;
import java.util.Map;

/**
 * An AWS ParallelCluster 3 cluster configuration (YAML) for a spec with {@code cluster}: the head node and one Slurm
 * queue, with the settings the review checked (IMDSv2 only and secured on the head node, encrypted volumes, S3 access
 * scoped to the bucket and prefix, Session Manager instead of SSH, EFA and placement, capacity type and reservation).
 */
public final class ParallelClusterExporter implements Exporter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public ExportFormat format() {
        return ExportFormat.PARALLELCLUSTER;
    }

    /** @throws IllegalArgumentException when the spec has no {@code cluster} */
    @Override
    public String export(ExportInput input) {
        Blueprint stack = input.stack();
        ClusterModel c = requireCluster(stack);
        return comments(stack, c) + YamlWriter.write(configuration(c));
    }

    static ClusterModel requireCluster(Blueprint stack) {
        if (stack.cluster() == null) {
            throw new IllegalArgumentException("--format " + ExportFormat.PARALLELCLUSTER + " needs a spec with \"cluster\" "
                    + "(e.g. \"cluster\": {\"nodes\": 2}): spec " + stack.spec().name() + " describes one machine");
        }
        return stack.cluster();
    }

    private static String comments(Blueprint stack, ClusterModel c) {
        StringBuilder text = new StringBuilder("Hangar cluster " + c.clusterName() + " (launch " + stack.launchId() + "): a "
                + c.headNodeType() + " head node and up to " + c.maxCount() + " " + c.computeType() + " compute nodes in "
                + c.region() + ", for AWS ParallelCluster " + ClusterModel.PCLUSTER_VERSION + ".\n"
                + "The security settings Hangar's review checked. Create it with:\n"
                + "  pcluster create-cluster --cluster-name " + c.clusterName() + " --cluster-configuration <this file> --region "
                + c.region() + "\n"
                + Headers.launchIdNote(stack, "the cluster") + "\n"
                + "EFA " + c.efaReason() + ".\n");
        if (!c.subnetKnown()) {
            text.append(ClusterModel.SUBNET_PLACEHOLDER).append(" stands for the subnet, which was not looked up: ")
                    .append(subnetLookup(stack)).append('\n');
        }
        c.notes().forEach(n -> text.append(n).append('\n'));
        StringBuilder out = new StringBuilder();
        text.toString().lines().forEach(l -> out.append("# ").append(l).append('\n'));
        return out.toString();
    }

    /** How to find the subnet the cluster belongs in. */
    private static String subnetLookup(Blueprint stack) {
        NetworkModel n = stack.network();
        String zone = stack.spec().availabilityZone() == null ? "" : " Name=availability-zone,Values=" + stack.spec().availabilityZone();
        if (n != null) {
            return "the " + n.instanceSubnetPart() + " of Hangar's network (a launch with network " + n.mode().wireName()
                    + " creates it): aws ec2 describe-subnets --region " + stack.region() + " --filters Name=tag:" + NetworkModel.TAG
                    + ",Values=" + stack.region() + " Name=tag:" + NetworkModel.PART_TAG + ",Values=" + n.instanceSubnetPart() + zone
                    + " --query Subnets[].SubnetId";
        }
        return "a default subnet of the default VPC: aws ec2 describe-subnets --region " + stack.region()
                + " --filters Name=default-for-az,Values=true" + zone + " --query Subnets[].SubnetId";
    }

    ObjectNode configuration(ClusterModel c) {
        ObjectNode root = NODES.objectNode();
        root.put("Region", c.region());
        ObjectNode image = root.putObject("Image").put("Os", c.os());
        if (c.customAmi() != null) {
            image.put("CustomAmi", c.customAmi());
        }
        root.putObject("Imds").put("ImdsSupport", "v2.0");
        root.set("HeadNode", headNode(c));
        root.set("Scheduling", scheduling(c));
        root.putArray("SharedStorage").addObject()
                .put("MountDir", ClusterModel.DATA_MOUNT).put("Name", "data").put("StorageType", "Ebs")
                .putObject("EbsSettings").put("VolumeType", c.volumeType()).put("Size", c.dataVolumeGiB())
                .put("Encrypted", c.encrypted()).put("DeletionPolicy", c.retainDataVolume() ? "Retain" : "Delete");
        ArrayNode tags = root.putArray("Tags");
        for (Map.Entry<String, String> t : c.tags().entrySet()) {
            tags.addObject().put("Key", t.getKey()).put("Value", t.getValue());
        }
        return root;
    }

    private static ObjectNode headNode(ClusterModel c) {
        ObjectNode head = NODES.objectNode().put("InstanceType", c.headNodeType());
        head.putObject("Networking").put("SubnetId", c.subnetId());
        ObjectNode ssh = head.putObject("Ssh");
        if (c.sshKeyName() != null) {
            ssh.put("KeyName", c.sshKeyName());
        }
        ssh.put("AllowedIps", c.sshAllowedIps());
        head.putObject("LocalStorage").set("RootVolume", rootVolume(c));
        head.set("Iam", iam(c));
        head.putObject("Imds").put("Secured", true);
        return head;
    }

    private static ObjectNode scheduling(ClusterModel c) {
        ObjectNode scheduling = NODES.objectNode().put("Scheduler", "slurm");
        scheduling.putObject("SlurmSettings").put("ScaledownIdletime", c.scaledownIdleMinutes());
        ObjectNode queue = scheduling.putArray("SlurmQueues").addObject().put("Name", c.queueName()).put("CapacityType", c.capacityType());
        ObjectNode networking = queue.putObject("Networking");
        networking.putArray("SubnetIds").add(c.subnetId());
        networking.put("AssignPublicIp", c.publicIp());
        if (c.placementGroup()) {
            networking.putObject("PlacementGroup").put("Enabled", true);
        }
        queue.putObject("ComputeSettings").putObject("LocalStorage").set("RootVolume", rootVolume(c));
        queue.set("Iam", iam(c));
        // InstanceType, not Instances: ParallelCluster takes a CapacityReservationId only with a single InstanceType.
        ObjectNode compute = queue.putArray("ComputeResources").addObject().put("Name", c.computeResourceName())
                .put("InstanceType", c.computeType()).put("MinCount", c.minCount()).put("MaxCount", c.maxCount());
        compute.putObject("Efa").put("Enabled", c.efa());
        if (c.capacityReservationId() != null) {
            compute.putObject("CapacityReservationTarget").put("CapacityReservationId", c.capacityReservationId());
        }
        return scheduling;
    }

    private static ObjectNode rootVolume(ClusterModel c) {
        return NODES.objectNode().put("Size", c.rootVolumeGiB()).put("VolumeType", c.volumeType()).put("Encrypted", c.encrypted());
    }

    private static ObjectNode iam(ClusterModel c) {
        ObjectNode iam = NODES.objectNode();
        iam.putArray("S3Access").addObject().put("BucketName", c.s3Bucket()).put("KeyName", c.s3KeyName())
                .put("EnableWriteAccess", c.s3Write());
        if (!c.managedPolicies().isEmpty()) {
            ArrayNode policies = iam.putArray("AdditionalIamPolicies");
            c.managedPolicies().forEach(arn -> policies.addObject().put("Policy", arn));
        }
        return iam;
    }
}
