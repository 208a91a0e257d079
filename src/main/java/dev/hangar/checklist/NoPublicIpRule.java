package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;

/**
 * A public IP is a warning, never a failure: with SSM no inbound port is open, and in a default VPC the
 * address is what lets the instance reach AWS at all. The one-click fix is withheld in a public subnet,
 * where dropping the address would leave the instance unreachable (see {@link ReachesAwsServicesRule}).
 */
public final class NoPublicIpRule extends BaseRule {

    public NoPublicIpRule() {
        super("no-public-ip", "The instance has no public IP address",
                "A public address makes the machine reachable from the internet on every port its security group opens, "
                        + "and scanners find it within minutes.",
                Severity.MEDIUM, "EC2.9", "CKV_AWS_88");
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        LaunchSpec spec = blueprint.spec();
        if (!blueprint.instance().associatePublicIp()) {
            return pass("No public IPv4 address is requested.");
        }
        String detail = spec.access() == Access.SSH
                ? "A public IPv4 address is requested, and SSH is open to " + spec.sshCidr() + " on it."
                : "A public IPv4 address is requested. No inbound port is open (access is SSM), so nothing answers on it, "
                        + "but Security Hub still reports it and AWS charges for public IPv4 addresses.";
        if (Boolean.TRUE.equals(SubnetExposure.isPublic(spec, facts))) {
            return warn(detail, Fix.manual("In " + SubnetExposure.describe(spec) + " the instance needs its public IP to reach "
                    + "SSM, S3 and CloudWatch. To go without one, set subnetId to a private subnet with a NAT gateway or "
                    + "VPC endpoints, then turn associatePublicIp off."));
        }
        return warn(detail, Fixes.NO_PUBLIC_IP);
    }
}
