package dev.hangar.journal;

import java.util.List;
import java.util.Optional;

/**
 * A launch that is an AWS ParallelCluster cluster ({@code hangar cluster create}): an ordinary journal record whose one
 * resource is the cluster ({@link ResourceKind#PARALLELCLUSTER_CLUSTER}, ID = the cluster's name) and whose outputs say
 * where it is and how it stands. ParallelCluster creates and removes the cluster's own resources (its CloudFormation
 * stack, head and compute nodes); they carry the launch's tags, and while the record's state is launching or succeeded,
 * sweep leaves them alone.
 */
public final class ClusterRecords {

    /** The one step of a cluster launch: {@code pcluster create-cluster} and following it to the end. */
    public static final String STEP = "pcluster-create-cluster";
    /** Output: the cluster's name in ParallelCluster. */
    public static final String CLUSTER_NAME = "clusterName";
    public static final String REGION = "region";
    /** Output: the configuration file handed to {@code pcluster}, under Hangar's home. */
    public static final String CONFIGURATION = "clusterConfiguration";
    /** Output: ParallelCluster's last clusterStatus, e.g. CREATE_IN_PROGRESS, CREATE_COMPLETE, DELETE_COMPLETE. */
    public static final String STATUS = "clusterStatus";
    /** Output: the head node's instance ID, once ParallelCluster reports it. */
    public static final String HEAD_NODE = "headNodeInstanceId";

    private ClusterRecords() {
    }

    public static boolean isCluster(LaunchRecord record) {
        return record.resources().stream().anyMatch(r -> ResourceKind.PARALLELCLUSTER_CLUSTER.equals(r.type()))
                || record.output(CLUSTER_NAME) != null;
    }

    /** The newest launch of the journal that is the cluster of that name; damaged journal files go to {@code corrupt}. */
    public static Optional<LaunchRecord> byName(JournalStore journal, String clusterName, List<JournalCorruptException> corrupt) {
        return journal.list(corrupt).stream().filter(r -> clusterName.equals(r.output(CLUSTER_NAME))).findFirst();
    }
}
