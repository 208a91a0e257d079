package dev.hangar.monitor;

import dev.hangar.blueprint.ParallelClusterTags;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A ParallelCluster cluster, found by its nodes' {@code parallelcluster:cluster-name} tag: the head node first, then the
 * compute nodes. Terminated nodes (Slurm scaled them down) are not listed.
 *
 * @param name the cluster's name, from the tag
 */
public record MonitoredCluster(String name, String region, List<Node> nodes) {

    /**
     * One node.
     *
     * @param nodeType {@code HeadNode} or {@code Compute} (ParallelCluster's tag value)
     * @param queue    the Slurm queue of a compute node; null for the head node
     * @param instance the node's live state, cost so far and series, as any monitored instance
     */
    public record Node(String nodeType, String queue, MonitoredInstance instance) {

        public boolean headNode() {
            return ParallelClusterTags.HEAD_NODE.equals(nodeType);
        }
    }

    public MonitoredCluster {
        nodes = nodes.stream().sorted(Comparator.comparing((Node n) -> !n.headNode())
                .thenComparing(n -> Objects.toString(n.instance().instanceId(), ""))).toList();
    }

    public List<Node> computeNodes() {
        return nodes.stream().filter(n -> !n.headNode()).toList();
    }

    /** "running" when every node runs, else the states there are with their counts ("1 running, 2 pending"). */
    public String state() {
        var counts = new java.util.TreeMap<String, Long>();
        nodes.forEach(n -> counts.merge(Objects.toString(n.instance().instanceState(), "unknown"), 1L, Long::sum));
        return counts.size() == 1 ? counts.firstKey() : String.join(", ", counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).toList());
    }

    /** What every listed node has cost so far (since its last start); null when any node's price is unknown. */
    public Double costSoFar() {
        double sum = 0;
        for (Node n : nodes) {
            CostSoFar c = n.instance().cost();
            if (c == null || c.total() == null) {
                return null;
            }
            sum += c.total();
        }
        return sum;
    }
}
