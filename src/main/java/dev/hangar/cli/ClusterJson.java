package dev.hangar.cli;

import dev.hangar.catalog.ClusterCost;
import dev.hangar.review.ClusterReview;
import java.util.LinkedHashMap;
import java.util.Map;

/** The plan's {@code cluster} object: the nodes, each finding's ParallelCluster setting, and the cluster's cost. */
final class ClusterJson {

    private ClusterJson() {
    }

    static Map<String, Object> of(ClusterReview c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheduler", "slurm");
        m.put("headNodeType", c.cluster().headNodeType());
        m.put("computeType", c.computeType());
        m.put("nodes", c.cluster().nodes());
        m.put("minNodes", c.cluster().minNodes());
        m.put("efa", c.cluster().efa().wireName());
        m.put("scaledownIdleMinutes", c.cluster().scaledownIdleMinutes());
        m.put("settings", c.findings().stream().map(f -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", f.finding().ruleId());
            one.put("status", f.finding().status());
            one.put("nodes", f.mapping() == null ? null : f.mapping().nodes());
            one.put("parallelClusterSetting", f.mapping() == null ? null : f.mapping().setting());
            return one;
        }).toList());
        ClusterCost cost = c.cost();
        Map<String, Object> money = new LinkedHashMap<>();
        money.put("headNodePerHour", cost.headPerHour());
        money.put("computeNodePerHour", cost.nodePerHour());
        money.put("busyPerHour", cost.busyPerHour());
        money.put("idlePerHour", cost.idlePerHour());
        money.put("priceSource", cost.priceSource());
        money.put("summary", cost.summary());
        m.put("cost", money);
        m.put("create", ClusterReview.CREATE_COMMAND);
        return m;
    }
}
