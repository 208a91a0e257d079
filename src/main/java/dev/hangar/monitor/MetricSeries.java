package dev.hangar.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One metric of one instance: the period's start times, oldest first, with their values (same length).
 * Immutable.
 */
public record MetricSeries(List<Instant> timestamps, List<Double> values) {

    public static final MetricSeries EMPTY = new MetricSeries(List.of(), List.of());

    public MetricSeries {
        if (timestamps.size() != values.size()) {
            throw new IllegalArgumentException(timestamps.size() + " timestamps for " + values.size() + " values");
        }
        timestamps = List.copyOf(timestamps);
        values = List.copyOf(values);
    }

    /** Pairs the points up and sorts them by time, whatever order CloudWatch answered in. */
    public static MetricSeries sorted(List<Instant> timestamps, List<Double> values) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < timestamps.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(timestamps::get));
        return new MetricSeries(order.stream().map(timestamps::get).toList(), order.stream().map(values::get).toList());
    }

    public boolean isEmpty() {
        return timestamps.isEmpty();
    }

    public int size() {
        return timestamps.size();
    }

    /** The newest value, or null when there is none. */
    public Double latest() {
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
