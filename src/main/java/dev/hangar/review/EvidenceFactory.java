package dev.hangar.review;

import dev.hangar.export.Evidence;
import dev.hangar.export.PlanStep;
import dev.hangar.provision.LaunchPlan;
import java.time.Clock;
import java.util.List;

/** The evidence report's content from a review: what a security team files with the launch. */
public final class EvidenceFactory {

    private EvidenceFactory() {
    }

    public static Evidence of(LaunchReview review, Clock clock) {
        return new Evidence(clock.instant(), review.preflight().map(p -> p.accountId()).orElse(null), review.checklist(),
                review.preflight().orElse(null), planSteps(review.plan()), review.cost().summary());
    }

    /** The launch plan as the evidence report lists it. */
    public static List<PlanStep> planSteps(LaunchPlan plan) {
        return plan.steps().stream().map(s -> new PlanStep(s.id(), s.title(), s.dependsOn())).toList();
    }
}
