package dev.hangar.spec;

import java.util.List;
import java.util.regex.Pattern;

/** Checks {@code cluster}, within ParallelCluster's own limits for a Slurm queue. */
final class ClusterRules {

    static final int MAX_NODES = 1_000;
    static final int MAX_SCALEDOWN_IDLE_MINUTES = 10_080;

    private ClusterRules() {
    }

    static void check(ClusterSpec cluster, Pattern instanceType, List<SpecProblem> out) {
        if (cluster == null) {
            return;
        }
        if (cluster.nodes() < 1 || cluster.nodes() > MAX_NODES) {
            out.add(new SpecProblem("cluster.nodes", "must be from 1 to " + MAX_NODES + ", not " + cluster.nodes()));
        }
        if (cluster.minNodes() < 0 || cluster.minNodes() > cluster.nodes()) {
            out.add(new SpecProblem("cluster.minNodes", "must be from 0 to nodes (" + cluster.nodes() + "), not "
                    + cluster.minNodes()));
        }
        if (cluster.efa() == null) {
            out.add(new SpecProblem("cluster.efa", "is required (one of " + WireEnum.allowed(EfaMode.class) + ")"));
        }
        if (cluster.scaledownIdleMinutes() < 1 || cluster.scaledownIdleMinutes() > MAX_SCALEDOWN_IDLE_MINUTES) {
            out.add(new SpecProblem("cluster.scaledownIdleMinutes", "must be from 1 to " + MAX_SCALEDOWN_IDLE_MINUTES
                    + " minutes, not " + cluster.scaledownIdleMinutes()));
        }
        String head = cluster.headNodeType();
        if (head == null) {
            out.add(new SpecProblem("cluster.headNodeType", "is required, e.g. t3.medium"));
        } else if (head.length() > 32 || !instanceType.matcher(head).matches()) {
            out.add(new SpecProblem("cluster.headNodeType", Show.quote(head) + " is not an instance type like t3.medium"));
        }
    }
}
