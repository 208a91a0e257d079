package dev.hangar.ui.wizard;

import dev.hangar.checklist.Finding;
import dev.hangar.checklist.ImageFitsAcceleratorRule;
import dev.hangar.review.LaunchReview;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The line under the review that says why Launch is disabled: what is wrong in plain words, and where to fix it. "Launch
 * is blocked: SSH is open to the whole internet (0.0.0.0/0). Fix it in the security checklist or change Access."
 */
final class LaunchBlockedBanner {

    /** The step whose choice a failing rule judges: going back there is the other way to fix it. */
    static final Map<String, WizardStep> STEP_OF_RULE = Map.of(
            "no-admin-ports-from-anywhere", WizardStep.ACCESS,
            "no-high-risk-ports-open", WizardStep.ACCESS,
            "only-authorized-ports-unrestricted", WizardStep.ACCESS,
            ImageFitsAcceleratorRule.ID, WizardStep.AMI,
            "data-bucket-not-public", WizardStep.DATA,
            "least-privilege-data-access", WizardStep.DATA);

    private LaunchBlockedBanner() {
    }

    /** Empty when Launch is allowed. */
    static String text(LaunchReview review) {
        return review.blockedBecause().map(why -> "Launch is blocked: " + why + "." + whereToFix(review.blockingFindings())).orElse("");
    }

    private static String whereToFix(List<Finding> failing) {
        if (failing.isEmpty()) {
            return ""; // blocked by preflight or plan-only mode: the reason says it all
        }
        String them = failing.size() == 1 ? "it" : "them";
        // The banner sits under the review's tabs: "in the security checklist" names the tab, wherever the page is scrolled.
        String here = failing.stream().anyMatch(Finding::hasOneClickFix) ? "Fix " + them + " in the security checklist"
                : "The security checklist says how to fix " + them;
        List<String> steps = failing.stream().map(f -> STEP_OF_RULE.get(f.ruleId())).filter(Objects::nonNull).distinct()
                .sorted().map(WizardStep::title).toList();
        return " " + here + (steps.isEmpty() ? "." : (here.startsWith("Fix") ? " or change " : ", or change ") + oneOf(steps) + ".");
    }

    /** "Access", "Access or Data", "Machine image, Access or Data". */
    private static String oneOf(List<String> steps) {
        int last = steps.size() - 1;
        return last == 0 ? steps.get(0) : String.join(", ", steps.subList(0, last)) + " or " + steps.get(last);
    }
}
