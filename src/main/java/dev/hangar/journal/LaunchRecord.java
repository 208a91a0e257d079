package dev.hangar.journal;

import dev.hangar.spec.LaunchSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the journal knows about one launch: what was asked, each step, every resource that
 * may exist, and the outcome. Immutable; {@link LaunchJournal} makes the changed copies.
 *
 * @param outputs what a finished launch reports: instanceId, availabilityZone, connect, …
 */
public record LaunchRecord(
        int formatVersion,
        String launchId,
        LaunchSpec spec,
        LaunchState state,
        Instant createdAt,
        Instant updatedAt,
        List<StepRecord> steps,
        List<ResourceRecord> resources,
        Map<String, String> outputs,
        String message) {

    public static final int FORMAT_VERSION = 1;

    public LaunchRecord {
        steps = List.copyOf(steps);
        resources = List.copyOf(resources);
        outputs = outputs == null ? Map.of() : Map.copyOf(outputs);
    }

    /** The resources that may still exist in AWS (or on disk), newest first: the order to remove them in. */
    public List<ResourceRecord> liveResourcesNewestFirst() {
        List<ResourceRecord> live = new java.util.ArrayList<>(resources.stream().filter(ResourceRecord::mayExist).toList());
        java.util.Collections.reverse(live);
        return live;
    }

    public String output(String key) {
        return outputs.get(key);
    }
}
