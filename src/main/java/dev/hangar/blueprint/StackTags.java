package dev.hangar.blueprint;

import dev.hangar.blueprint.LaunchTags;
import dev.hangar.spec.LaunchSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The engine's tags ({@link LaunchTags}) in a stable order, so an export is the same text every time. */
final class StackTags {

    private static final List<String> HANGAR_ORDER = List.of("Name", LaunchTags.LAUNCH_ID, LaunchTags.NAME);

    private StackTags() {
    }

    static Map<String, String> of(String launchId, LaunchSpec spec) {
        Map<String, String> all = new LaunchTags(launchId, spec).asMap();
        Map<String, String> ordered = new LinkedHashMap<>();
        spec.tags().keySet().stream().filter(all::containsKey).forEach(k -> ordered.put(k, all.get(k)));
        HANGAR_ORDER.stream().filter(all::containsKey).forEach(k -> ordered.putIfAbsent(k, all.get(k)));
        all.keySet().stream().sorted().forEach(k -> ordered.putIfAbsent(k, all.get(k)));
        return ordered;
    }

    /** The data volume's tags: the launch's plus the role that tells it from the root volume. */
    static Map<String, String> dataVolume(Map<String, String> tags) {
        Map<String, String> out = new LinkedHashMap<>(tags);
        out.put(LaunchTags.ROLE, LaunchTags.DATA_VOLUME_ROLE);
        return out;
    }
}
