package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;

/** SSH from 0.0.0.0/0 or ::/0 fails; a CIDR wider than one site's (/24, /56) warns. Hangar never opens RDP. */
public final class NoAdminPortsFromAnywhereRule extends BaseRule {

    public NoAdminPortsFromAnywhereRule() {
        super("no-admin-ports-from-anywhere", "SSH and RDP are not open to the whole internet",
                "Bots try passwords and known exploits on port 22 of every internet address within minutes of it appearing. "
                        + "SSH open only to your own address, or SSM with no port open at all, keeps the machine out of their reach.",
                Severity.CRITICAL, "EC2.13", "EC2.14", "EC2.53", "EC2.54", "CKV_AWS_24", "CKV_AWS_25");
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        SshIngress ssh = SshIngress.of(blueprint);
        if (ssh == null) {
            return pass("No SSH or RDP port is open",
                    "No inbound rule at all: access is SSM Session Manager. Hangar never opens RDP (3389).");
        }
        if (ssh.openToWorld()) {
            return fail("SSH is open to the whole internet (" + ssh.cidr() + ")",
                    "sshCidr " + ssh.cidr() + " opens SSH to the whole internet (allowSshFromAnywhere is set).", Fixes.USE_SSM);
        }
        if (ssh.broad()) {
            return warn("SSH is open to " + ssh.addressCount() + " (" + ssh.cidr() + ")",
                    "sshCidr " + ssh.cidr() + " lets " + ssh.addressCount() + " connect to SSH; your own address ("
                    + (ssh.ipv6() ? "/128" : "/32") + ") or SSM is safer.", Fixes.USE_SSM);
        }
        return pass("SSH is open only to " + ssh.cidr(), "SSH is open only to " + ssh.cidr() + ". Hangar never opens RDP (3389).");
    }
}
