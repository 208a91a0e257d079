package dev.hangar.spec;

/**
 * A multi-node launch handed to AWS ParallelCluster (spec field {@code cluster}): a head node and one Slurm queue of
 * the spec's instance type. Component names are the JSON field names (a contract).
 *
 * @param nodes                the most compute nodes the queue scales to
 * @param minNodes             compute nodes kept running when idle (0 = scale to zero)
 * @param efa                  Elastic Fabric Adapter: auto = on where the type supports it
 * @param scaledownIdleMinutes minutes a compute node stays idle before Slurm stops it
 * @param headNodeType         the head node's instance type (no GPU needed)
 */
public record ClusterSpec(int nodes, int minNodes, EfaMode efa, int scaledownIdleMinutes, String headNodeType) {

    public static final int DEFAULT_NODES = 2;
    public static final int DEFAULT_SCALEDOWN_IDLE_MINUTES = 30;
    public static final String DEFAULT_HEAD_NODE_TYPE = "t3.medium";

    /** Defaults for every field, as the JSON reader starts from. */
    public static ClusterSpec defaults() {
        return new ClusterSpec(DEFAULT_NODES, 0, EfaMode.AUTO, DEFAULT_SCALEDOWN_IDLE_MINUTES, DEFAULT_HEAD_NODE_TYPE);
    }
}
