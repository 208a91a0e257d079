package dev.hangar.monitor;

import dev.hangar.checklist.Finding;
import dev.hangar.journal.LaunchState;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of the monitor: a launch from the journal, or an instance tagged {@code hangar:launch-id}
 * that the journal does not know. Immutable. A field AWS was not asked about (the launch holds no
 * resources, or its region could not be read) is null.
 *
 * @param launchId         the journal's launch ID, or the instance's {@code hangar:launch-id} tag
 * @param name             the spec's name, or the instance's {@code hangar:name} tag
 * @param launchState      the journal's state; null when {@link #inJournal()} is false
 * @param message          the journal's last message
 * @param instanceState    EC2's state ({@code running}, {@code stopped}, …); {@code not-found} when AWS no longer knows the
 *                         journal's instance; null when not read
 * @param systemStatus     the system status check ({@code ok}, {@code impaired}, {@code initializing}, {@code not-applicable}
 *                         when stopped …)
 * @param instanceStatus   the instance status check, same values
 * @param launchTime       the instance's last start
 * @param uptime           since the last start while running; null otherwise
 * @param cost             cost so far; null when nothing of the launch is known to run or exist
 * @param idleAlarm        the idle-stop alarm; null when the launch has none and none exists
 * @param drift            what changed behind Hangar's back, as checklist findings; empty when nothing did or the
 *                         instance does not run (only running instances are audited)
 * @param metrics          every {@link InstanceMetric}, oldest point first; empty when metrics were not asked for
 * @param run              where the launch's run is (spec field {@code run}); null when the launch has no run or is not in
 *                         the journal
 */
public record MonitoredInstance(
        String launchId,
        String name,
        boolean inJournal,
        LaunchState launchState,
        String message,
        Instant createdAt,
        String region,
        String availabilityZone,
        String instanceId,
        String instanceType,
        String instanceState,
        String systemStatus,
        String instanceStatus,
        Instant launchTime,
        Duration uptime,
        String publicIp,
        String privateIp,
        String connect,
        CostSoFar cost,
        IdleAlarm idleAlarm,
        List<Finding> drift,
        Map<InstanceMetric, MetricSeries> metrics,
        RunState run) {

    public static final String NOT_IN_JOURNAL = "not-in-journal";
    public static final String NOT_FOUND = "not-found";

    public MonitoredInstance {
        drift = List.copyOf(drift);
        metrics = metrics.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(metrics));
    }

    /** The journal state as the command line writes it ({@code succeeded}, {@code destroy-incomplete}), or {@code not-in-journal}. */
    public String stateName() {
        return launchState == null ? NOT_IN_JOURNAL : launchState.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean running() {
        return "running".equals(instanceState);
    }

    public boolean hasDrift() {
        return !drift.isEmpty();
    }

    /** One series; empty when metrics were not asked for or there is no data. */
    public MetricSeries series(InstanceMetric metric) {
        return metrics.getOrDefault(metric, MetricSeries.EMPTY);
    }
}
