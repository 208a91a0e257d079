package dev.hangar.monitor;

import dev.hangar.journal.JournalCorruptException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of one refresh: every row at one moment. Immutable, so a view can hold it while the
 * next refresh runs on another thread.
 *
 * @param takenAt        when the refresh started (uptime and cost are as of then)
 * @param query          what was read
 * @param instances      journal launches first (newest first), then instances not in the journal
 * @param problems       regions that could not be read, each "region: reason"; their rows lack live fields
 * @param corruptJournal journal files that could not be read (their launches are missing from {@code instances})
 * @param clusters       ParallelCluster clusters in the regions read, found by their tags (their nodes are not in {@code instances})
 */
public record MonitorSnapshot(Instant takenAt, MonitorQuery query, List<MonitoredInstance> instances, List<String> problems,
        List<JournalCorruptException> corruptJournal, List<MonitoredCluster> clusters) {

    public MonitorSnapshot(Instant takenAt, MonitorQuery query, List<MonitoredInstance> instances, List<String> problems,
            List<JournalCorruptException> corruptJournal) {
        this(takenAt, query, instances, problems, corruptJournal, List.of());
    }

    public MonitorSnapshot {
        clusters = List.copyOf(clusters);
        instances = List.copyOf(instances);
        problems = List.copyOf(problems);
        corruptJournal = List.copyOf(corruptJournal);
    }

    public Optional<MonitoredInstance> launch(String launchId) {
        return instances.stream().filter(i -> i.inJournal() && i.launchId().equals(launchId)).findFirst();
    }

    public Optional<MonitoredInstance> instance(String instanceId) {
        return instances.stream().filter(i -> instanceId.equals(i.instanceId())).findFirst();
    }

    public List<MonitoredInstance> notInJournal() {
        return instances.stream().filter(i -> !i.inJournal()).toList();
    }

    /** Rows whose running instance drifted from what Hangar launched. */
    public List<MonitoredInstance> drifted() {
        return instances.stream().filter(MonitoredInstance::hasDrift).toList();
    }
}
