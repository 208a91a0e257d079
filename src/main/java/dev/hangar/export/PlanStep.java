package dev.hangar.export;

import java.util.List;

/** One step of the launch plan, as the evidence report lists it. */
public record PlanStep(String id, String title, List<String> dependsOn) {

    public PlanStep {
        dependsOn = List.copyOf(dependsOn);
    }
}
