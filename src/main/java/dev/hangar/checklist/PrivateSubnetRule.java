package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.NetworkModel;
import dev.hangar.spec.LaunchSpec;

/**
 * Warns when the instance is directly on the internet: a public IP in a subnet routed to an internet gateway.
 * The reverse trap, a public subnet without a public IP, is {@link ReachesAwsServicesRule}'s: kept apart so
 * that each rule's fix makes that rule pass.
 */
public final class PrivateSubnetRule extends BaseRule {

    public PrivateSubnetRule() {
        super("private-subnet", "The instance is not directly on the internet",
                "In a private subnet the machine has no internet address at all, so a security group mistake cannot "
                        + "expose it; it reaches AWS through a NAT gateway or VPC endpoints.",
                Severity.MEDIUM);
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        LaunchSpec spec = blueprint.spec();
        NetworkModel network = blueprint.network();
        if (network != null) {
            String subnet = HangarSubnet.describe(network, spec.availabilityZone());
            return pass("Nothing on the internet can reach the instance",
                    capitalized(subnet) + " has no route from the internet and the instance no public IP, so nothing on "
                    + "the internet can reach it" + (network.needsNat()
                            ? "; its way out is the NAT gateway, which answers no connection from outside."
                            : "; it has no route to the internet at all."));
        }
        if (!blueprint.instance().associatePublicIp()) {
            return pass("Nothing on the internet can reach the instance",
                    "No public IP: the instance cannot be reached from the internet, whatever the subnet's routes.");
        }
        Boolean isPublic = SubnetExposure.isPublic(spec, facts);
        Fix fix = spec.subnetId() == null ? Fixes.privateNetworkFor(spec)
                : Fix.manual("Set subnetId to a private subnet that has a NAT gateway or VPC endpoints for SSM, S3 and "
                        + "CloudWatch, and turn associatePublicIp off; or remove subnetId and set network to private, Hangar's own "
                        + "network with a NAT gateway.");
        if (isPublic == null) {
            return couldNotCheck("Could not check whether the subnet is public",
                    "whether " + SubnetExposure.describe(spec) + " routes to an internet gateway.", fix);
        }
        if (isPublic) {
            String where = SubnetExposure.inDefaultVpc(spec, facts) ? " (default VPC subnets all are)" : "";
            return warn("The instance is on the internet: public IP in a public subnet",
                    capitalized(SubnetExposure.describe(spec)) + " routes to an internet gateway" + where
                    + " and the instance gets a public IP: it is on the internet, guarded only by its security group.", fix);
        }
        return pass("The public IP is unreachable: no internet gateway route",
                capitalized(SubnetExposure.describe(spec)) + " has no route to an internet gateway, so the public IP "
                + "is not reachable from the internet.");
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
