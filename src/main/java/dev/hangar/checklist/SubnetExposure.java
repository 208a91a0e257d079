package dev.hangar.checklist;

import dev.hangar.spec.LaunchSpec;

/** Whether the instance's subnet routes to an internet gateway, from the facts or from how Hangar picks subnets. */
final class SubnetExposure {

    private SubnetExposure() {
    }

    /**
     * True, false, or null when unknown. Without a subnetId Hangar uses the default VPC's default subnets,
     * which route to an internet gateway and have no NAT gateway; other subnets of the default VPC use its
     * main route table, which does the same unless someone changed it.
     */
    static Boolean isPublic(LaunchSpec spec, AccountFacts facts) {
        if (facts.subnetIsPublic() != null) {
            return facts.subnetIsPublic();
        }
        if (spec.subnetId() == null || Boolean.TRUE.equals(facts.subnetIsDefaultVpc())) {
            return true;
        }
        return null;
    }

    static boolean inDefaultVpc(LaunchSpec spec, AccountFacts facts) {
        return spec.subnetId() == null || Boolean.TRUE.equals(facts.subnetIsDefaultVpc());
    }

    /** "subnet subnet-0abc" or "the default VPC's default subnets", for messages. */
    static String describe(LaunchSpec spec) {
        return spec.subnetId() == null ? "the default VPC's default subnets" : "subnet " + spec.subnetId();
    }
}
