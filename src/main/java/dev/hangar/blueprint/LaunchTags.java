package dev.hangar.blueprint;

import dev.hangar.spec.LaunchSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tags every resource of a launch carries: Hangar's own (a contract) and the spec's. */
public final class LaunchTags {

    public static final String LAUNCH_ID = "hangar:launch-id";
    public static final String NAME = "hangar:name";
    /** The ARN of whoever launched it: sweep removes only the caller's own leftovers unless told otherwise. */
    public static final String CREATED_BY = "hangar:created-by";
    /** Marks the data volume apart from the root volume, which carries the launch's tags too. */
    public static final String ROLE = "hangar:role";
    public static final String DATA_VOLUME_ROLE = "data-volume";

    private static final List<String> HANGAR_ORDER = List.of("Name", LAUNCH_ID, NAME, CREATED_BY);

    private LaunchTags() {
    }

    /**
     * The launch's tags in a stable order (the spec's, then Hangar's), so every request and every export is the
     * same text each time.
     */
    public static Map<String, String> of(String launchId, LaunchSpec spec, String createdBy) {
        Map<String, String> all = new LinkedHashMap<>(spec.tags());
        all.putIfAbsent("Name", spec.name());
        all.put(LAUNCH_ID, launchId);
        all.put(NAME, spec.name());
        if (createdBy != null) {
            all.put(CREATED_BY, createdBy);
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        spec.tags().keySet().stream().filter(all::containsKey).forEach(k -> ordered.put(k, all.get(k)));
        HANGAR_ORDER.stream().filter(all::containsKey).forEach(k -> ordered.putIfAbsent(k, all.get(k)));
        all.keySet().stream().sorted().forEach(k -> ordered.putIfAbsent(k, all.get(k)));
        return Collections.unmodifiableMap(ordered);
    }

    /** The data volume's tags: the launch's plus the role that tells it from the root volume. */
    public static Map<String, String> dataVolume(Map<String, String> tags) {
        Map<String, String> out = new LinkedHashMap<>(tags);
        out.put(ROLE, DATA_VOLUME_ROLE);
        return Collections.unmodifiableMap(out);
    }
}
