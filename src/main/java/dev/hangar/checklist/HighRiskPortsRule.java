package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;

/** Port 22 is on EC2.19's high-risk list; it is the only port Hangar can open. */
public final class HighRiskPortsRule extends BaseRule {

    public HighRiskPortsRule() {
        super("no-high-risk-ports-open", "No high-risk port is open to everyone",
                "Some ports are what attackers probe first: SSH, RDP, databases, file sharing. "
                        + "None of them should accept traffic from any address on the internet.",
                Severity.CRITICAL, "EC2.19");
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        SshIngress ssh = SshIngress.of(blueprint);
        if (ssh == null) {
            return pass("No inbound port is open", "No inbound port is open.");
        }
        if (ssh.openToWorld()) {
            return fail("High-risk port 22 (SSH) is open to everyone (" + ssh.cidr() + ")",
                    "Port 22 (SSH), a high-risk port, is open to " + ssh.cidr() + ".", Fixes.USE_SSM);
        }
        return pass("High-risk port 22 is open only to " + ssh.cidr(),
                "The only open port is 22, and only to " + ssh.cidr() + ".");
    }
}
