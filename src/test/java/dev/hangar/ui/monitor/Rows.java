package dev.hangar.ui.monitor;

import dev.hangar.checklist.Finding;
import dev.hangar.journal.LaunchState;
import dev.hangar.monitor.MonitoredInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Monitor rows for tests that need no AWS. */
final class Rows {

    private Rows() {
    }

    /** A journal row; {@code instanceState} null when EC2 was not read. */
    static MonitoredInstance launch(LaunchState state, String instanceState, List<Finding> drift) {
        boolean running = "running".equals(instanceState);
        return new MonitoredInstance("llama-a1b2c3", "llama", true, state, "launched", Instant.parse("2026-11-26T08:00:00Z"), "us-east-1",
                "us-east-1a", "i-0123456789abcdef0", "g5.xlarge", instanceState, running ? "ok" : null, running ? "ok" : null,
                Instant.parse("2026-11-26T08:05:00Z"), running ? Duration.ofMinutes(125) : null, null, "10.0.0.5", null, null, null,
                drift, Map.of(), null);
    }

    static MonitoredInstance launch(LaunchState state, String instanceState) {
        return launch(state, instanceState, List.of());
    }

    /** An instance tagged by Hangar that the journal does not know. */
    static MonitoredInstance untracked(String instanceState) {
        return new MonitoredInstance("ghost-abc123", "ghost", false, null, "not in the journal", null, "us-east-1", "us-east-1b",
                "i-0fedcba9876543210", "g5.xlarge", instanceState, null, null, null, null, null, null, null, null, null, List.of(), Map.of(), null);
    }
}
