package dev.hangar.blueprint;

/**
 * The tags AWS ParallelCluster 3 puts on every instance it starts (its own source and documentation): Hangar finds a
 * cluster's nodes by them, so a cluster shows whoever created it.
 */
public final class ParallelClusterTags {

    public static final String CLUSTER_NAME = "parallelcluster:cluster-name";
    /** {@link #HEAD_NODE} or {@link #COMPUTE}. */
    public static final String NODE_TYPE = "parallelcluster:node-type";
    /** The Slurm queue of a compute node. */
    public static final String QUEUE_NAME = "parallelcluster:queue-name";
    public static final String HEAD_NODE = "HeadNode";
    public static final String COMPUTE = "Compute";

    private ParallelClusterTags() {
    }
}
