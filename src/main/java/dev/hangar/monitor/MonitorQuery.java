package dev.hangar.monitor;

import java.util.Set;
import java.util.TreeSet;

/**
 * What one refresh reads. Immutable; change it with the {@code with…} methods.
 *
 * @param regions  regions to look in for tagged instances besides those of the journal's launches
 * @param launchId only this launch (journal or tag); null for every launch
 * @param metrics  the chart window; null to read no metrics (no GetMetricData call)
 */
public record MonitorQuery(Set<String> regions, String launchId, MetricWindow metrics) {

    public MonitorQuery {
        regions = Set.copyOf(new TreeSet<>(regions));
    }

    /** Every launch of the journal, in the journal's regions, without metrics. */
    public static MonitorQuery all() {
        return new MonitorQuery(Set.of(), null, null);
    }

    public MonitorQuery withRegions(Set<String> more) {
        return new MonitorQuery(more, launchId, metrics);
    }

    public MonitorQuery withLaunch(String id) {
        return new MonitorQuery(regions, id, metrics);
    }

    public MonitorQuery withMetrics(MetricWindow window) {
        return new MonitorQuery(regions, launchId, window);
    }
}
