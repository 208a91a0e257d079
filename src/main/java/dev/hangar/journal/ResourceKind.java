package dev.hangar.journal;

/** The kinds of resource a launch creates; the names are what the journal stores. */
public final class ResourceKind {
    public static final String IAM_ROLE = "iam-role";
    public static final String IAM_INLINE_POLICY = "iam-inline-policy";
    public static final String IAM_POLICY_ATTACHMENT = "iam-policy-attachment";
    public static final String INSTANCE_PROFILE = "instance-profile";
    public static final String PROFILE_ROLE = "instance-profile-role";
    public static final String SECURITY_GROUP = "security-group";
    public static final String KEY_PAIR = "key-pair";
    public static final String KEY_FILE = "key-file";
    public static final String INSTANCE = "instance";
    public static final String VOLUME = "volume";
    public static final String VOLUME_ATTACHMENT = "volume-attachment";
    public static final String ALARM = "alarm";
    public static final String SESSION_DOCUMENT = "ssm-document";
    /** An AWS ParallelCluster cluster (ID = its name), which pcluster creates and deletes: see {@link ClusterRecords}. */
    public static final String PARALLELCLUSTER_CLUSTER = "parallelcluster-cluster";

    // Hangar's shared network in a region (blueprint NetworkModel): journaled by the launch that created each part.
    public static final String NETWORK_VPC = "network-vpc";
    public static final String NETWORK_SUBNET = "network-subnet";
    public static final String NETWORK_ROUTE_TABLE = "network-route-table";
    public static final String NETWORK_INTERNET_GATEWAY = "network-internet-gateway";
    public static final String NETWORK_NAT_GATEWAY = "network-nat-gateway";
    public static final String NETWORK_ELASTIC_IP = "network-elastic-ip";
    public static final String NETWORK_ENDPOINT = "network-endpoint";
    public static final String NETWORK_SECURITY_GROUP = "network-security-group";

    private ResourceKind() {
    }
}
