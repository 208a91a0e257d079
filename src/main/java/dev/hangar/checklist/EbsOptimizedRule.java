package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;

/** Always on, by construction. */
public final class EbsOptimizedRule extends BaseRule {

    public EbsOptimizedRule() {
        super("ebs-optimized", "The instance is EBS-optimised",
                "EBS optimisation gives disk traffic its own bandwidth, so reading a dataset does not compete with the network.",
                Severity.LOW, "CKV_AWS_135");
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        if (!blueprint.instance().ebsOptimized()) {
            return warn("The instance is not EBS-optimised", "The instance would launch with EbsOptimized=false.", null);
        }
        return pass("The instance is EBS-optimised",
                "Hangar launches with EbsOptimized=true (current GPU types are EBS-optimised at no extra cost).");
    }
}
