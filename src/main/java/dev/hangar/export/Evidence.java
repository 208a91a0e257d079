package dev.hangar.export;

import dev.hangar.checklist.AccountFacts;
import dev.hangar.checklist.Checklist;
import dev.hangar.checklist.ChecklistReport;
import dev.hangar.preflight.PreflightReport;
import dev.hangar.spec.LaunchSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the evidence report records beside the stack: when, in which account, the checklist's findings,
 * the preflight checks, the plan and the cost.
 *
 * @param accountId   null when unknown; then the preflight report's account, if any
 * @param preflight   null when preflight did not run (offline)
 * @param costSummary null when no estimate was made
 */
public record Evidence(Instant generatedAt, String accountId, ChecklistReport checklist, PreflightReport preflight,
                       List<PlanStep> plan, String costSummary) {

    public Evidence {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(checklist, "checklist");
        plan = plan == null ? List.of() : List.copyOf(plan);
        if (accountId == null && preflight != null) {
            accountId = preflight.accountId();
        }
    }

    /** Nothing asked of AWS: the checklist on unknown facts, no preflight, no plan, no cost. */
    public static Evidence offline(LaunchSpec spec, Clock clock) {
        return new Evidence(clock.instant(), null, Checklist.evaluate(spec, AccountFacts.unknown(), clock), null, List.of(), null);
    }
}
