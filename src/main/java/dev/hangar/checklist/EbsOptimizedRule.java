package dev.hangar.checklist;

import dev.hangar.spec.LaunchSpec;

/** Always on, by construction. */
public final class EbsOptimizedRule extends BaseRule {

    public EbsOptimizedRule() {
        super("ebs-optimized", "The instance is EBS-optimised",
                "EBS optimisation gives disk traffic its own bandwidth, so reading a dataset does not compete with the network.",
                Severity.LOW, "CKV_AWS_135");
    }

    @Override
    public Finding evaluate(LaunchSpec spec, AccountFacts facts) {
        return pass("Hangar launches with EbsOptimized=true (current GPU types are EBS-optimised at no extra cost).");
    }
}
