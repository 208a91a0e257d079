package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;

/** With ssh the role does not get AmazonSSMManagedInstanceCore, so Systems Manager cannot manage the instance. */
public final class SsmManagedRule extends BaseRule {

    public SsmManagedRule() {
        super("managed-by-ssm", "The instance is managed by Systems Manager",
                "Systems Manager gives you a shell without an open port or an SSH key to lose, records who connected, "
                        + "and can patch the machine.",
                Severity.MEDIUM, "SSM.1");
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        if (blueprint.iam().managedPolicyArns().stream().anyMatch(arn -> arn.endsWith("/AmazonSSMManagedInstanceCore"))) {
            String shells = blueprint.session() == null ? "" : " Hangar's shells use the launch's own session document "
                    + blueprint.session().documentName() + ": they run as the image's login user (ubuntu or ec2-user), not root or "
                    + "ssm-user, and end after " + blueprint.session().idleTimeoutMinutes() + " idle minutes; the account's own "
                    + "Session Manager preferences are left as they are.";
            return pass("Systems Manager manages the instance (access: ssm)",
                    "access is ssm: the role gets AmazonSSMManagedInstanceCore. The image must run the SSM agent "
                    + "(AWS Deep Learning AMIs, Amazon Linux and Ubuntu images do)." + shells);
        }
        // In Hangar's network the instance has no public IP: SSH from the researcher's address cannot reach it.
        String unreachable = blueprint.network() == null ? "" : " And in Hangar's " + blueprint.network().mode()
                + " network the instance has no public IP, so SSH reaches it only from inside the VPC (a VPN or a bastion), "
                + "not from " + blueprint.spec().sshCidr() + ".";
        return warn("Systems Manager cannot manage the instance (access: ssh)",
                "access is ssh: the role does not get AmazonSSMManagedInstanceCore, so Systems Manager cannot manage "
                + "the instance." + unreachable, Fixes.USE_SSM);
    }
}
