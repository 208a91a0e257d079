package dev.hangar.review;

import dev.hangar.catalog.ClusterCost;
import dev.hangar.checklist.ChecklistReport;
import dev.hangar.checklist.Finding;
import dev.hangar.spec.ClusterSpec;
import dev.hangar.spec.LaunchSpec;
import java.util.List;

/**
 * The review of a spec with {@code cluster}: the same checklist findings, each with the ParallelCluster setting it maps
 * to, and what the head node and the compute nodes cost. Preflight (quota for every node, EFA, the reservation) is in the
 * review's preflight report.
 */
public record ClusterReview(ClusterSpec cluster, String computeType, List<ClusterFinding> findings, ClusterCost cost) {

    /** How the cluster is handed to ParallelCluster, for the plan's last line. */
    public static final String CREATE_COMMAND = "hangar cluster create --spec";

    /** A checklist finding on the cluster; {@code mapping} null for a rule the table does not know. */
    public record ClusterFinding(Finding finding, ParallelClusterSettings.Mapping mapping) {
    }

    public ClusterReview {
        findings = List.copyOf(findings);
    }

    static ClusterReview of(LaunchSpec spec, ChecklistReport checklist, ClusterCost cost) {
        List<ClusterFinding> findings = checklist.findings().stream()
                .map(f -> new ClusterFinding(f, ParallelClusterSettings.of(f.ruleId()).orElse(null))).toList();
        return new ClusterReview(spec.cluster(), spec.instanceType(), findings, cost);
    }

    /** One line: what ParallelCluster will run. */
    public String headline() {
        return "AWS ParallelCluster (Slurm): head node " + cluster.headNodeType() + " + " + cluster.minNodes() + " to " + cluster.nodes()
                + " × " + computeType + " compute nodes, EFA " + cluster.efa() + ", idle nodes stop after "
                + cluster.scaledownIdleMinutes() + " min";
    }
}
