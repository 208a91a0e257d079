package dev.hangar.blueprint;

import dev.hangar.blueprint.LaunchNames;
import dev.hangar.spec.Access;
import dev.hangar.spec.Egress;
import dev.hangar.spec.LaunchSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The security group as the engine leaves it: no inbound rule with SSM, SSH from sshCidr only with SSH;
 * outbound HTTP(S) only, unless egress is all, when AWS's default allow-all rule stays.
 *
 * @param subnetId the spec's subnet, whose VPC the group belongs to; null for the default VPC
 */
public record SecurityGroupModel(String name, String description, String subnetId, List<Rule> ingress, List<Rule> egress,
                                 boolean egressAll) {

    /** One rule. {@code protocol} is "tcp", or "-1" for all traffic (ports 0). */
    public record Rule(String protocol, int fromPort, int toPort, String cidr, String description) {
        public boolean ipv6() {
            return cidr.contains(":");
        }
    }

    public static final String ANYWHERE = "0.0.0.0/0";

    public SecurityGroupModel {
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }

    static SecurityGroupModel of(LaunchSpec spec, LaunchNames names) {
        List<Rule> ingress = new ArrayList<>();
        if (spec.access() == Access.SSH) {
            ingress.add(new Rule("tcp", 22, 22, spec.sshCidr(), "SSH from the launcher"));
        }
        List<Rule> egress = new ArrayList<>();
        boolean all = spec.egress() == Egress.ALL;
        if (all) {
            egress.add(new Rule("-1", 0, 0, ANYWHERE, null));
        } else {
            if (spec.egress() == Egress.WEB) {
                egress.add(new Rule("tcp", 80, 80, ANYWHERE, "HTTP out (package mirrors)"));
            }
            egress.add(new Rule("tcp", 443, 443, ANYWHERE, "HTTPS out (AWS APIs, S3, SSM)"));
        }
        return new SecurityGroupModel(names.securityGroupName(), "Hangar launch " + names.launchId(), spec.subnetId(),
                ingress, egress, all);
    }
}
