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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** How many blocking problems the reason names before "and N more": enough to act on, short enough for one line. */
    public static final int NAMED_BLOCKERS = 2;

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

    /**
     * The checklist's failures that block Launch, one per thing to fix: the three port rules that fail on SSH open to
     * the whole internet share one fix, and read as the one problem they are. In the checklist's order.
     */
    public List<Finding> blockingFindings() {
        Map<Object, Finding> byFix = new LinkedHashMap<>();
        for (Finding f : checklist.findings()) {
            if (f.status() == Status.FAIL) {
                byFix.putIfAbsent(f.fix() == null ? f.ruleId() : f.fix().description(), f);
            }
        }
        return List.copyOf(byFix.values());
    }

    /** Launch is allowed only with no FAIL in the checklist and a preflight that ran and passed. */
    public boolean launchable() {
        return blockedBecause().isEmpty();
    }

    /**
     * Why Launch is disabled, in plain words to follow "Launch is blocked: " in the review's banner and on the command
     * line; empty when it is not. A failing checklist names what is wrong: "SSH is open to the whole internet (0.0.0.0/0)",
     * "the image is for NVIDIA GPUs, not the Habana Gaudi accelerator"; with more than two problems, the first two "and 3 more".
     */
    public Optional<String> blockedBecause() {
        List<Finding> failing = blockingFindings();
        if (!failing.isEmpty()) {
            return Optional.of(PlainList.of(failing.stream().map(Finding::title).toList(), NAMED_BLOCKERS));
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
