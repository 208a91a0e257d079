package dev.hangar.ui.monitor;

import dev.hangar.monitor.CostSoFar;
import dev.hangar.monitor.MonitoredCluster;
import dev.hangar.monitor.MonitoredInstance;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ParallelCluster cluster as one row of the monitor's table: its name, node count, compute type, the nodes' states and
 * their summed cost. The row stands for the cluster; its nodes (and their charts) are chosen in the detail pane.
 */
final class ClusterRows {

    /** Each cluster row, and the cluster it stands for (rows are compared by identity: a refresh makes new ones). */
    private final Map<MonitoredInstance, MonitoredCluster> clusters = new IdentityHashMap<>();

    List<MonitoredInstance> rows(List<MonitoredCluster> found) {
        clusters.clear();
        return found.stream().map(c -> {
            MonitoredInstance row = row(c);
            clusters.put(row, c);
            return row;
        }).toList();
    }

    /** The cluster a row stands for; null for an instance's row. */
    MonitoredCluster clusterOf(MonitoredInstance row) {
        return row == null ? null : clusters.get(row);
    }

    static String key(MonitoredCluster c) {
        return "cluster:" + c.region() + "/" + c.name();
    }

    static String title(MonitoredCluster c) {
        return c.name() + " (cluster, " + c.nodes().size() + (c.nodes().size() == 1 ? " node)" : " nodes)");
    }

    private static MonitoredInstance row(MonitoredCluster c) {
        MonitoredInstance head = c.nodes().get(0).instance();
        String computeType = c.computeNodes().isEmpty() ? head.instanceType() : c.computeNodes().get(0).instance().instanceType();
        Double total = c.costSoFar();
        CostSoFar cost = new CostSoFar(null, "the sum of the nodes", null, null, total, 0, null, 0, total);
        String message = "AWS ParallelCluster cluster: head node + " + c.computeNodes().size() + " compute node(s). Hangar acts on"
                + " it only through hangar cluster create / delete.";
        return new MonitoredInstance(c.name(), title(c), false, null, message, null, c.region(), head.availabilityZone(),
                c.nodes().size() + " nodes", computeType, c.state(), null, null, head.launchTime(), head.uptime(), null, null, null,
                cost, null, List.of(), Map.of());
    }
}
