package dev.hangar.testing;

import java.util.List;
import java.util.Set;

/**
 * The calls a per-call test (the fault matrix, the crash points) breaks: all of them, or those
 * {@code -Dhangar.calls=s3:PutObject,logs:CreateLogGroup} names, for a quick run of the cells a change touches (CI runs
 * them all).
 */
public final class CallFilter {

    private CallFilter() {
    }

    public static List<String> selected(Set<String> calls) {
        String named = System.getProperty("hangar.calls", "");
        if (named.isBlank()) {
            return List.copyOf(calls);
        }
        Set<String> wanted = Set.of(named.split(","));
        return calls.stream().filter(wanted::contains).toList();
    }
}
