package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;

/** Hangar creates a group per launch; it never uses or changes the VPC's default group. */
public final class OwnSecurityGroupRule extends BaseRule {

    public OwnSecurityGroupRule() {
        super("own-security-group", "The instance uses its own security group, not the VPC's default",
                "The VPC's default security group lets its members reach one another; an instance placed in it shares that "
                        + "trust with everything else there.",
                Severity.MEDIUM, "EC2.2");
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        return pass("The instance has its own security group, not the VPC's default",
                "Hangar creates a security group named hangar-<launch id> for this launch and never uses the default "
                + "group. EC2.2 also checks that the default group itself allows no traffic; Hangar does not change it.");
    }
}
