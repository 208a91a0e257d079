package dev.hangar.review;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.catalog.CostEstimate;
import dev.hangar.checklist.ChecklistReport;
import dev.hangar.checklist.Finding;
import dev.hangar.checklist.Status;
import dev.hangar.preflight.PreflightCheck;
import dev.hangar.preflight.PreflightReport;
import dev.hangar.provision.LaunchPlan;
import dev.hangar.spec.LaunchSpec;
import java.util.List;
import java.util.Optional;

/**
 * Everything a researcher sees before Launch: the checklist, the preflight (absent in plan-only
 * mode, without credentials), the exact policies, the steps, the cost and where the machine sits.
 *
 * @param network where the instance sits and what it can reach
 * @param summary what will be launched, at a glance: the first thing the review shows
 * @param cluster the checklist's ParallelCluster settings and the cluster's cost, for a spec with {@code cluster}
 */
public record LaunchReview(LaunchSpec spec, ChecklistReport checklist, Optional<PreflightReport> preflight, CostEstimate cost,
        Blueprint blueprint, LaunchPlan plan, NetworkDiagram network, LaunchSummary summary, Optional<ClusterReview> cluster) {

    public String trustPolicy() {
        return blueprint.iam().trustPolicy();
    }

    public String dataAccessPolicy() {
        return blueprint.iam().dataPolicy();
    }

    public String agentPolicy() {
        return blueprint.iam().agentPolicy();
    }

    public List<String> managedPolicies() {
        return blueprint.iam().managedPolicyArns();
    }

    /** Launch is allowed only with no FAIL in the checklist and a preflight that ran and passed. */
    public boolean launchable() {
        return blockedBecause().isEmpty();
    }

    /** Why Launch is disabled, in words for the button's tooltip and the command line; empty when it is not. */
    public Optional<String> blockedBecause() {
        List<Finding> failing = checklist.findings().stream().filter(f -> f.status() == Status.FAIL).toList();
        if (!failing.isEmpty()) {
            return Optional.of("the security checklist fails: " + String.join(", ", failing.stream().map(Finding::title).toList()));
        }
        if (preflight.isEmpty()) {
            return Optional.of("plan-only mode: no AWS credentials, so nothing could be checked in your account");
        }
        List<PreflightCheck> failed = preflight.get().checks().stream().filter(c -> c.status() == PreflightCheck.Status.FAIL).toList();
        if (!failed.isEmpty()) {
            return Optional.of("preflight fails: " + String.join("; ", failed.stream().map(PreflightCheck::detail).toList()));
        }
        return Optional.empty();
    }
}
