package dev.hangar.catalog;

import dev.hangar.spec.ClusterSpec;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.Market;

/**
 * What a ParallelCluster cluster's instances cost per hour, in USD: the head node always, compute nodes as Slurm scales
 * them between {@code minNodes} (idle) and {@code nodes} (busy). Storage and the network come on top.
 *
 * @param headPerHour the head node's price; null when unknown
 * @param nodePerHour one compute node's on-demand price; null when unknown
 */
public record ClusterCost(String headNodeType, Double headPerHour, String nodeType, Double nodePerHour, int nodes, int minNodes,
                          boolean spot, String priceSource) {

    public static ClusterCost estimate(LaunchSpec spec, Double nodePricePerHour, String priceSource) {
        ClusterSpec cluster = spec.cluster();
        return new ClusterCost(cluster.headNodeType(), HeadNodePrices.perHour(cluster.headNodeType()).orElse(null),
                spec.instanceType(), nodePricePerHour, cluster.nodes(), cluster.minNodes(), spec.market() == Market.SPOT,
                nodePricePerHour == null ? "unknown" : priceSource);
    }

    /** The head node and every compute node running; null when a price is unknown. */
    public Double busyPerHour() {
        return perHour(nodes);
    }

    /** The head node and the {@code minNodes} Slurm keeps when no job runs; null when a price is unknown. */
    public Double idlePerHour() {
        return perHour(minNodes);
    }

    private Double perHour(int computeNodes) {
        return headPerHour == null || nodePerHour == null ? null : headPerHour + computeNodes * nodePerHour;
    }

    public String summary() {
        String head = headPerHour == null ? "head node " + headNodeType + " price unknown"
                : String.format("head node %s $%.4f/h", headNodeType, headPerHour);
        String node = nodePerHour == null ? nodeType + " price unknown" : String.format("$%.3f/h per %s", nodePerHour, nodeType);
        String range = busyPerHour() == null ? "" : String.format("; $%.2f/h with all %d nodes busy, $%.2f/h idle at %d node%s",
                busyPerHour(), nodes, idlePerHour(), minNodes, minNodes == 1 ? "" : "s");
        return head + " + up to " + nodes + " × " + node + range + " (instances only; " + (spot ? "on-demand prices, spot is"
                + " usually lower; " : "") + priceSource + " prices)";
    }
}
