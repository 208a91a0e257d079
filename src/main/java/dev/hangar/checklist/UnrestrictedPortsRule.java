package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;

/** Hangar's ingress is nothing, or 22 from sshCidr: only a world-open 22 breaks this. */
public final class UnrestrictedPortsRule extends BaseRule {

    public UnrestrictedPortsRule() {
        super("only-authorized-ports-unrestricted", "Only ports 80 and 443 may be open to everyone",
                "A port open to every address should be one meant for the public, a web server's. Any other port open "
                        + "to 0.0.0.0/0 or ::/0 exposes a service that was never meant to face the internet.",
                Severity.HIGH, "EC2.18");
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        SshIngress ssh = SshIngress.of(blueprint);
        if (ssh != null && ssh.openToWorld()) {
            return fail("Port 22 is open to everyone (" + ssh.cidr() + "), not only 80 and 443",
                    "Port 22 is open to " + ssh.cidr() + "; only 80 and 443 may be.", Fixes.USE_SSM);
        }
        return pass("No port is open to everyone", "No port is open to everyone.");
    }
}
