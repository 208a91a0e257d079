package dev.hangar.ui.wizard;

import dev.hangar.spec.ClusterSpec;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * The Options step's "Nodes: 1 / N": one machine, or a cluster of up to N nodes (at least {@code minNodes} kept) that
 * sets the spec's {@code cluster}. The cluster's other fields (EFA, idle scale-down, head node type) keep what the spec
 * had, or their defaults.
 */
final class NodesChoice {

    static final int MIN_CLUSTER_NODES = 2;

    final BooleanProperty clustered = new SimpleBooleanProperty();
    final IntegerProperty nodes = new SimpleIntegerProperty(ClusterSpec.DEFAULT_NODES);
    final IntegerProperty minNodes = new SimpleIntegerProperty(0);
    private final ObjectProperty<ClusterSpec> cluster;
    private boolean updating;

    NodesChoice(ObjectProperty<ClusterSpec> cluster) {
        this.cluster = cluster;
        read(cluster.get());
        clustered.addListener((obs, was, now) -> write());
        nodes.addListener((obs, was, now) -> write());
        minNodes.addListener((obs, was, now) -> write());
        cluster.addListener((obs, was, now) -> read(now));
    }

    /** One line for the step: what a cluster is and how it is made. */
    static String explanation(boolean clustered) {
        return clustered
                ? "A cluster is a head node plus up to N nodes of this type, run by Slurm; Slurm keeps the minimum when idle. It is"
                        + " created with AWS ParallelCluster: review it here, then run hangar cluster create --spec <file>."
                : "One machine, launched by Hangar.";
    }

    private void read(ClusterSpec c) {
        if (updating) {
            return;
        }
        updating = true;
        try {
            clustered.set(c != null);
            if (c != null) {
                nodes.set(c.nodes());
                minNodes.set(c.minNodes());
            }
        } finally {
            updating = false;
        }
    }

    private void write() {
        if (updating) {
            return;
        }
        updating = true;
        try {
            ClusterSpec base = cluster.get() == null ? ClusterSpec.defaults() : cluster.get();
            cluster.set(clustered.get() ? new ClusterSpec(nodes.get(), minNodes.get(), base.efa(), base.scaledownIdleMinutes(),
                    base.headNodeType()) : null);
        } finally {
            updating = false;
        }
    }
}
