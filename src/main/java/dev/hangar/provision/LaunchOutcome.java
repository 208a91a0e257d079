package dev.hangar.provision;

import dev.hangar.journal.LaunchState;
import java.util.Map;

/** How a launch ended, with what it reports: instanceId, availabilityZone, connect, … */
public record LaunchOutcome(String launchId, String region, LaunchState state, String message, String failedStep, Map<String, String> outputs) {

    public boolean succeeded() {
        return state == LaunchState.SUCCEEDED;
    }
}
