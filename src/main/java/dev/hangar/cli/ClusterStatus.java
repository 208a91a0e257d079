package dev.hangar.cli;

import dev.hangar.monitor.MonitoredCluster;
import dev.hangar.monitor.MonitoredInstance;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code status}'s clusters: each ParallelCluster cluster as one entry with its nodes (text and JSON). */
final class ClusterStatus {

    private ClusterStatus() {
    }

    static Map<String, Object> json(MonitoredCluster c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cluster", c.name());
        json.put("region", c.region());
        json.put("state", c.state());
        json.put("computeNodes", c.computeNodes().size());
        json.put("costSoFar", c.costSoFar());
        json.put("nodes", c.nodes().stream().map(n -> {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("nodeType", n.nodeType());
            node.put("queue", n.queue());
            MonitoredInstance i = n.instance();
            node.put("instanceId", i.instanceId());
            node.put("instanceType", i.instanceType());
            node.put("instanceState", i.instanceState());
            node.put("availabilityZone", i.availabilityZone());
            node.put("systemStatus", i.systemStatus());
            node.put("instanceStatus", i.instanceStatus());
            node.put("launchTime", i.launchTime());
            node.put("uptimeSeconds", i.uptime() == null ? null : i.uptime().toSeconds());
            node.put("privateIp", i.privateIp());
            node.put("cost", i.cost() == null ? null : StatusCommand.cost(i.cost()));
            return node;
        }).toList());
        return json;
    }

    static void print(PrintWriter out, List<MonitoredCluster> clusters) {
        if (clusters.isEmpty()) {
            return;
        }
        out.println();
        String format = "  %-10s %-20s %-13s %-10s %-12s %-8s %s%n";
        for (MonitoredCluster c : clusters) {
            Double cost = c.costSoFar();
            out.println("CLUSTER " + c.name() + " (AWS ParallelCluster) in " + c.region() + ": " + c.state() + ", head node + "
                    + c.computeNodes().size() + " compute node(s), " + (cost == null ? "cost so far unknown" : String.format("$%.2f so far", cost)));
            out.printf(format, "NODE", "INSTANCE", "TYPE", "LIVE", "ZONE", "UPTIME", "COST");
            for (MonitoredCluster.Node n : c.nodes()) {
                MonitoredInstance i = n.instance();
                String nodeCost = i.cost() == null || i.cost().total() == null ? "-" : String.format("$%.2f", i.cost().total());
                out.printf(format, n.headNode() ? "head" : "compute" + (n.queue() == null ? "" : ":" + n.queue()), i.instanceId(),
                        i.instanceType(), i.instanceState(), i.availabilityZone(), i.uptime() == null ? "-" : StatusCommand.duration(i.uptime()),
                        nodeCost);
            }
        }
    }
}
