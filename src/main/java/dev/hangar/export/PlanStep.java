package dev.hangar.export;

import dev.hangar.provision.Step;
import java.util.List;

/** One step of the launch plan, as the evidence report lists it. */
public record PlanStep(String id, String title, List<String> dependsOn) {

    public PlanStep {
        dependsOn = List.copyOf(dependsOn);
    }

    public static List<PlanStep> of(List<? extends Step> steps) {
        return steps.stream().map(s -> new PlanStep(s.id(), s.title(), s.dependsOn())).toList();
    }
}
