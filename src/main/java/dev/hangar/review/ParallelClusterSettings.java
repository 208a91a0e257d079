package dev.hangar.review;

import java.util.Map;
import java.util.Optional;

/**
 * Which ParallelCluster 3 configuration setting carries each checklist rule on a cluster, and for which nodes: the same
 * rules judge one machine and a cluster, and the researcher sees where each one lands in the cluster's configuration.
 */
public final class ParallelClusterSettings {

    /**
     * @param nodes   which nodes the setting governs: "head and compute", "head node", "compute", or "cluster" / "account" /
     *                "bucket" for what is not per node
     * @param setting the configuration key(s), with the value Hangar's review asks for
     */
    public record Mapping(String nodes, String setting) {
    }

    private static final String BOTH = "head and compute";
    private static final String OUTSIDE = "outside the cluster configuration";

    private static final Map<String, Mapping> BY_RULE = Map.ofEntries(
            Map.entry("imdsv2-required", new Mapping(BOTH, "Imds.ImdsSupport: v2.0; HeadNode.Imds.Secured: true")),
            Map.entry("ebs-volumes-encrypted", new Mapping(BOTH,
                    "HeadNode.LocalStorage.RootVolume.Encrypted and SlurmQueues[].ComputeSettings.LocalStorage.RootVolume.Encrypted: true")),
            Map.entry("ebs-encryption-by-default", new Mapping("account", "EBS encryption by default (" + OUTSIDE + ")")),
            Map.entry("no-admin-ports-from-anywhere", new Mapping("head node", "HeadNode.Ssh.AllowedIps (only with access ssh)")),
            Map.entry("no-high-risk-ports-open", new Mapping("head node", "HeadNode.Ssh.AllowedIps; ParallelCluster opens no other port")),
            Map.entry("only-authorized-ports-unrestricted", new Mapping("head node", "HeadNode.Ssh.AllowedIps")),
            Map.entry("own-security-group", new Mapping(BOTH, "ParallelCluster's own head and compute security groups")),
            Map.entry("restricted-egress", new Mapping(BOTH,
                    "HeadNode.Networking.SecurityGroups / SlurmQueues[].Networking.SecurityGroups (ParallelCluster's own allow all outbound)")),
            Map.entry("no-public-ip", new Mapping(BOTH, "SlurmQueues[].Networking.AssignPublicIp: false; head node in a private subnet")),
            Map.entry("private-subnet", new Mapping(BOTH, "HeadNode.Networking.SubnetId and SlurmQueues[].Networking.SubnetIds")),
            Map.entry("instance-can-reach-aws", new Mapping(BOTH, "the subnets' NAT gateway or VPC endpoints (Hangar's network)")),
            Map.entry("internet-downloads", new Mapping(BOTH, "the subnets' NAT gateway (Hangar's network)")),
            Map.entry("managed-by-ssm", new Mapping(BOTH, "Iam.AdditionalIamPolicies: AmazonSSMManagedInstanceCore")),
            Map.entry("least-privilege-data-access", new Mapping(BOTH,
                    "HeadNode.Iam.S3Access and SlurmQueues[].Iam.S3Access (BucketName, KeyName, EnableWriteAccess)")),
            Map.entry("no-secrets-in-user-data", new Mapping(BOTH, "CustomActions scripts (Hangar adds none)")),
            Map.entry("data-bucket-not-public", new Mapping("bucket", "the data bucket's policy (" + OUTSIDE + ")")),
            Map.entry("data-bucket-blocks-public-access", new Mapping("bucket", "the data bucket's Block Public Access (" + OUTSIDE + ")")),
            Map.entry("data-bucket-requires-tls", new Mapping("bucket", "the data bucket's policy (" + OUTSIDE + ")")),
            Map.entry("data-bucket-default-encryption", new Mapping("bucket", "the data bucket's default encryption (" + OUTSIDE + ")")),
            Map.entry("ami-up-to-date", new Mapping(BOTH, "Image.CustomAmi (or ParallelCluster's own image for Image.Os)")),
            Map.entry("image-fits-accelerator", new Mapping("compute", "Image.CustomAmi; ParallelCluster's images carry NVIDIA drivers")),
            Map.entry("detailed-monitoring", new Mapping(BOTH, "Monitoring.DetailedMonitoring: true")),
            Map.entry("ebs-optimized", new Mapping(BOTH, "set by ParallelCluster's launch templates where the type supports it")),
            Map.entry("idle-stop-on", new Mapping("compute", "Scheduling.SlurmSettings.ScaledownIdletime (the head node runs until"
                    + " the cluster is deleted)")),
            Map.entry("data-volume-kept", new Mapping("cluster", "SharedStorage (no data volume: the nodes read the bucket)")),
            Map.entry("tenancy-isolation", new Mapping(BOTH, "no ParallelCluster setting: nodes run with default tenancy")));

    private ParallelClusterSettings() {
    }

    /** The setting a rule maps to; empty for a rule this table does not know (a rule added later). */
    public static Optional<Mapping> of(String ruleId) {
        return Optional.ofNullable(BY_RULE.get(ruleId));
    }
}
