package dev.hangar.review;

import dev.hangar.export.Evidence;
import dev.hangar.export.PlanStep;
import java.time.Clock;

/** The evidence report's content from a review: what a security team files with the launch. */
public final class EvidenceFactory {

    private EvidenceFactory() {
    }

    public static Evidence of(LaunchReview review, Clock clock) {
        return new Evidence(clock.instant(), review.preflight().map(p -> p.accountId()).orElse(null), review.checklist(),
                review.preflight().orElse(null), PlanStep.of(review.plan().steps()), review.cost().summary());
    }
}
