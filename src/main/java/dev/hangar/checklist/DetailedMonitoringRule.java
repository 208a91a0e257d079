package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;

/** Always on: the idle-stop alarm needs 1-minute metrics. */
public final class DetailedMonitoringRule extends BaseRule {

    public DetailedMonitoringRule() {
        super("detailed-monitoring", "Detailed (1-minute) monitoring is on",
                "One-minute metrics show a stuck or idle machine quickly and let the idle-stop alarm act on time.",
                Severity.LOW, "CKV_AWS_126");
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        if (!blueprint.instance().monitoring()) {
            return warn("Detailed monitoring is off: metrics every 5 minutes only", "Detailed monitoring would be off.", null);
        }
        return pass("Detailed (1-minute) monitoring is on", "Hangar launches with detailed monitoring on.");
    }
}
