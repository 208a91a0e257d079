package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.NetworkModel;
import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;

/**
 * A public IP is a warning, never a failure: with SSM no inbound port is open. In the default VPC (network public) the
 * fix is Hangar's private network, which keeps the instance reachable for SSM and S3 without the address; in a public
 * subnet named by subnetId no one-click fix is offered, since dropping the address there would leave the instance
 * with no way out (see {@link ReachesAwsServicesRule}).
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
        NetworkModel network = blueprint.network();
        if (!blueprint.instance().associatePublicIp()) {
            if (network != null) {
                return pass("The instance has no public IP address",
                        "No public IPv4 address: the instance sits in " + HangarSubnet.describe(network, spec.availabilityZone())
                        + (network.needsNat() ? " and goes out through the NAT gateway's address, which admits no inbound connection."
                                : " and reaches AWS only through VPC endpoints."));
            }
            return pass("The instance has no public IP address", "No public IPv4 address is requested.");
        }
        String title = spec.access() == Access.SSH ? "The instance gets a public IP, SSH open to " + spec.sshCidr()
                : "The instance gets a public IP address";
        String detail = spec.access() == Access.SSH
                ? "A public IPv4 address is requested, and SSH is open to " + spec.sshCidr() + " on it."
                : "A public IPv4 address is requested. No inbound port is open (access is SSM), so nothing answers on it, "
                        + "but Security Hub still reports it and AWS charges for public IPv4 addresses.";
        if (spec.subnetId() == null) {
            return warn(title, detail + " (network public: the default VPC, whose subnets reach AWS only with a public IP.)",
                    Fixes.privateNetworkFor(spec));
        }
        if (Boolean.TRUE.equals(SubnetExposure.isPublic(spec, facts))) {
            return warn(title, detail, Fix.manual("In " + SubnetExposure.describe(spec) + " the instance needs its public IP to reach "
                    + "SSM, S3 and CloudWatch. To go without one, remove subnetId and set network to private (Hangar's own "
                    + "network, out through a NAT gateway), or set subnetId to a private subnet with a NAT gateway or VPC "
                    + "endpoints, then turn associatePublicIp off."));
        }
        return warn(title, detail, Fixes.NO_PUBLIC_IP);
    }
}
