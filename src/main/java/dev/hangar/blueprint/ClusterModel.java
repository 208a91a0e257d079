package dev.hangar.blueprint;

import dev.hangar.spec.Access;
import dev.hangar.spec.BucketAccess;
import dev.hangar.spec.ClusterSpec;
import dev.hangar.spec.EfaMode;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.Market;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS ParallelCluster 3 cluster a spec with {@code cluster} describes (a head node and one Slurm queue of the spec's
 * GPU type), resolved once with every setting the review checked, for the export and for {@code hangar cluster create}.
 *
 * @param clusterName      {@code hangar-<launch id>}: starts with a letter and fits ParallelCluster's 60 characters
 * @param os               ParallelCluster's {@code Image.Os}; required even with a custom AMI
 * @param customAmi        the spec's image when it is a ParallelCluster AMI of {@link #PCLUSTER_VERSION}; else null and
 *                         ParallelCluster's own AMI for {@link #os} (NVIDIA driver, CUDA and EFA installed) is used
 * @param subnetId         where head and compute nodes go; {@link #SUBNET_PLACEHOLDER} when not known offline
 * @param minCount         compute nodes kept when idle; equal to maxCount for a Capacity Block (ParallelCluster's rule)
 * @param efa              EFA on the compute nodes; {@code efaReason} says why on or off
 * @param placementGroup   a cluster placement group for the queue: with EFA, except in a Capacity Block (which is placed
 *                         already; ParallelCluster warns against adding one)
 * @param capacityType     {@code ONDEMAND}, {@code SPOT} or {@code CAPACITY_BLOCK}
 * @param s3KeyName        the objects S3Access grants: the data prefix followed by *
 * @param managedPolicies  AdditionalIamPolicies: Session Manager's minimum when access is ssm
 * @param sshKeyName       only when access is ssh
 * @param sshAllowedIps    the spec's sshCidr, or {@link #NO_SSH_SOURCE} when access is ssm (see there)
 * @param tags             the launch's tags but Name, which ParallelCluster sets per node (HeadNode, Compute)
 * @param notes            what the resolution decided that a reader should know, one sentence each
 */
public record ClusterModel(String clusterName, String region, String os, String customAmi, String headNodeType,
                           String subnetId, boolean publicIp, String queueName, String computeResourceName,
                           String computeType, int minCount, int maxCount, boolean efa, String efaReason,
                           boolean placementGroup, String capacityType, String capacityReservationId,
                           int scaledownIdleMinutes, int rootVolumeGiB, String volumeType, boolean encrypted,
                           int dataVolumeGiB, boolean retainDataVolume, String s3Bucket, String s3KeyName,
                           boolean s3Write, List<String> managedPolicies, String sshKeyName, String sshAllowedIps,
                           Map<String, String> tags, List<String> notes) {

    /** The ParallelCluster release the configuration is written for and validated against. */
    public static final String PCLUSTER_VERSION = "3.16.1";
    public static final String ONDEMAND = "ONDEMAND";
    public static final String SPOT = "SPOT";
    public static final String CAPACITY_BLOCK = "CAPACITY_BLOCK";
    /** Matches ParallelCluster's subnet pattern, so an offline export still loads; it names no real subnet. */
    public static final String SUBNET_PLACEHOLDER = "subnet-lookupme";
    /**
     * ParallelCluster always opens port 22 on the head node to {@code Ssh.AllowedIps}, 0.0.0.0/0 when not set, key or
     * not. With Session Manager access the source is the loopback /32, which no packet from a network carries: the rule
     * matches nothing.
     */
    public static final String NO_SSH_SOURCE = "127.0.0.1/32";
    /** The default image when the spec's is not known: Amazon Linux 2023, ParallelCluster's recommended OS. */
    public static final String DEFAULT_OS = "alinux2023";
    /** Where the shared data volume is mounted on every node, as on a one-node launch. */
    public static final String DATA_MOUNT = RunModel.SCRATCH;
    public static final String QUEUE = "gpu";
    public static final String COMPUTE_RESOURCE = "nodes";

    private static final Pattern PCLUSTER_AMI = Pattern.compile("aws-parallelcluster-(\\d+\\.\\d+\\.\\d+)-(amzn2023|alinux2023|"
            + "ubuntu-?2204|ubuntu-?2404|rhel8|rhel9|rocky8|rocky9)\\b.*");

    public ClusterModel {
        managedPolicies = List.copyOf(managedPolicies);
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        notes = List.copyOf(notes);
    }

    /** Null when the spec has no {@code cluster}. */
    static ClusterModel of(LaunchSpec spec, LaunchNames names, Map<String, String> launchTags, ClusterFacts facts) {
        ClusterSpec c = spec.cluster();
        if (c == null) {
            return null;
        }
        List<String> notes = new ArrayList<>();
        String type = spec.instanceType();
        boolean efaCapable = EfaSupport.supports(type, facts.efaSupported());
        boolean efa = c.efa() == EfaMode.ON || (c.efa() != EfaMode.OFF && efaCapable);
        String efaReason = switch (c.efa() == null ? EfaMode.AUTO : c.efa()) {
            case ON -> "on: the spec asks for it";
            case OFF -> "off: the spec turns it off";
            case AUTO -> (efa ? "on: " : "off: ") + type + (efaCapable ? " supports EFA" : " does not support EFA")
                    + (facts.efaSupported() == null ? " (Hangar's list of EFA types; the account was not asked)" : " (DescribeInstanceTypes)");
        };
        if (c.efa() == EfaMode.ON && !efaCapable) {
            notes.add("EFA is on as the spec asks, but " + type + " is not known to support it; ParallelCluster will refuse it if so.");
        }

        String reservation = spec.capacityReservationId();
        boolean block = reservation != null && ClusterFacts.CAPACITY_BLOCK.equals(facts.reservationType());
        String capacityType;
        int min = c.minNodes();
        if (block) {
            capacityType = CAPACITY_BLOCK;
            if (min != c.nodes()) {
                notes.add("Capacity Block " + reservation + ": all " + c.nodes() + " nodes are static (ParallelCluster requires "
                        + "MinCount = MaxCount for a Capacity Block), not " + min + " kept when idle.");
            }
            min = c.nodes();
        } else if (reservation != null) {
            capacityType = ONDEMAND;
            if (facts.reservationType() == null) {
                notes.add("Reservation " + reservation + " was taken for an On-Demand Capacity Reservation (the account was not "
                        + "asked); for a Capacity Block set CapacityType: " + CAPACITY_BLOCK + " and MinCount = MaxCount.");
            }
            if (spec.market() == Market.SPOT) {
                notes.add("market spot: the nodes are On-Demand in reservation " + reservation + ", which holds On-Demand capacity.");
            }
        } else {
            capacityType = spec.market() == Market.SPOT ? SPOT : ONDEMAND;
        }

        String os = DEFAULT_OS;
        String customAmi = null;
        Matcher pcAmi = facts.imageName() == null ? null : PCLUSTER_AMI.matcher(facts.imageName());
        if (pcAmi != null && pcAmi.matches() && pcAmi.group(1).equals(PCLUSTER_VERSION)) {
            customAmi = spec.amiId();
            os = pcOs(pcAmi.group(2));
        } else {
            String fromName = osOf(facts.imageOs());
            if (fromName != null) {
                os = fromName;
            }
            notes.add("Image " + spec.amiId() + " is not a ParallelCluster " + PCLUSTER_VERSION + " AMI, so the nodes run "
                    + "ParallelCluster's own " + os + " AMI (NVIDIA driver, CUDA and EFA installed)"
                    + (fromName == null ? ", the default OS: the image's OS " + (facts.imageOs() == null ? "was not known" : "(" + facts.imageOs() + ") has no ParallelCluster AMI") : ", the image's OS")
                    + ".");
        }

        String subnet = spec.subnetId() != null ? spec.subnetId() : facts.subnetId();
        if (subnet == null) {
            subnet = SUBNET_PLACEHOLDER;
        }
        if (spec.usesHangarNetwork() && spec.network() == dev.hangar.spec.NetworkMode.ISOLATED) {
            notes.add("network isolated: ParallelCluster without a route out needs interface endpoints Hangar's isolated network does not "
                    + "have (CloudFormation, DynamoDB, EC2, STS, Secrets Manager, ...); see ParallelCluster's \"without internet access\" guide.");
        }
        boolean ssh = spec.access() == Access.SSH;
        Map<String, String> tags = new LinkedHashMap<>(launchTags);
        tags.remove("Name");
        String prefix = spec.dataPrefix() == null ? "" : spec.dataPrefix();
        return new ClusterModel(names.iamName(), spec.region(), os, customAmi, c.headNodeType(), subnet,
                InstanceModel.of(spec, null, null).associatePublicIp(), QUEUE, COMPUTE_RESOURCE, type, min, c.nodes(), efa, efaReason,
                efa && !block, capacityType, reservation, c.scaledownIdleMinutes(), spec.rootVolumeGiB(), "gp3", true,
                spec.dataVolumeGiB(), !spec.deleteDataVolumeOnTermination(), spec.dataBucket(), prefix + "*",
                spec.bucketAccess() == BucketAccess.READ_WRITE, IamPolicies.managedPolicyArns(spec),
                ssh ? spec.keyPair() : null, ssh ? spec.sshCidr() : NO_SSH_SOURCE, tags, notes);
    }

    /** Whether the subnet is a real one, not {@link #SUBNET_PLACEHOLDER}. */
    public boolean subnetKnown() {
        return !SUBNET_PLACEHOLDER.equals(subnetId);
    }

    public boolean capacityBlock() {
        return CAPACITY_BLOCK.equals(capacityType);
    }

    /** The catalog's OS words ("Ubuntu 22.04", "Amazon Linux 2023") as ParallelCluster's Os; null when it has none for it. */
    static String osOf(String imageOs) {
        if (imageOs == null) {
            return null;
        }
        return switch (imageOs.toLowerCase(Locale.ROOT)) {
            case "ubuntu 22.04" -> "ubuntu2204";
            case "ubuntu 24.04" -> "ubuntu2404";
            case "amazon linux 2023" -> "alinux2023";
            default -> null;
        };
    }

    /** An OS as ParallelCluster's AMI names spell it (amzn2023, ubuntu-2204) as its configuration does. */
    private static String pcOs(String inName) {
        String os = inName.replace("-", "");
        return os.equals("amzn2023") ? "alinux2023" : os;
    }
}
