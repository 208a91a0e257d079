package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.NetworkModel;
import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;

/**
 * The usability trap of a secure default: without a public IP, an instance in a public subnet (every default
 * VPC subnet) has no way out, so SSM cannot connect to it and it cannot read S3 or send metrics. Hangar's own
 * network (private or isolated) is built so that it always has one.
 */
public final class ReachesAwsServicesRule extends BaseRule {

    private static final String REACHES = "Reaches SSM, S3 and CloudWatch";
    private static final String CANNOT_REACH = "The instance cannot reach SSM, S3 or CloudWatch";

    public ReachesAwsServicesRule() {
        super("instance-can-reach-aws", "The instance can reach SSM, S3 and CloudWatch",
                "Session Manager, the data bucket and the GPU metrics all go through AWS endpoints. An instance without a "
                        + "public IP reaches them only through a NAT gateway or VPC endpoints; without either you cannot "
                        + "connect to it and it cannot read its data.",
                Severity.HIGH);
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        LaunchSpec spec = blueprint.spec();
        NetworkModel network = blueprint.network();
        if (network != null) {
            String subnet = capitalized(HangarSubnet.describe(network, spec.availabilityZone()));
            if (network.needsNat()) {
                return pass(REACHES + " through the NAT gateway",
                        subnet + " sends 0.0.0.0/0 to a NAT gateway in the network's public subnet: Session Manager and "
                        + "CloudWatch are reached outbound through it, and S3 through the S3 gateway endpoint on the private "
                        + "route table (data traffic skips the NAT and its per-GB charge).");
            }
            return pass(REACHES + " through VPC endpoints",
                    subnet + " has interface endpoints for " + String.join(", ", network.interfaceServices())
                    + " (private DNS on) and the S3 gateway endpoint: Session Manager, CloudWatch and S3 work with no route to "
                    + "the internet.");
        }
        Boolean isPublic = SubnetExposure.isPublic(spec, facts);
        String subnet = SubnetExposure.describe(spec);
        if (blueprint.instance().associatePublicIp() && Boolean.TRUE.equals(isPublic)) {
            return pass(REACHES + " through the internet gateway",
                    "The instance reaches AWS through the internet gateway with its public IP.");
        }
        if (Boolean.TRUE.equals(facts.subnetHasNatOrEndpoints())) {
            return pass(REACHES + " through NAT or VPC endpoints",
                    capitalized(subnet) + " reaches AWS through a NAT gateway or VPC endpoints.");
        }
        String blocked = spec.access() == Access.SSM
                ? "Session Manager cannot connect to it, and it cannot read S3 or send metrics."
                : "It cannot read S3 or send metrics, and SSH reaches it only from inside the VPC.";
        if (Boolean.TRUE.equals(isPublic)) {
            String defaultVpc = SubnetExposure.inDefaultVpc(spec, facts) ? " Default VPC subnets have no NAT gateway." : "";
            return warn(CANNOT_REACH,
                    "The instance needs a route to SSM: a NAT gateway or VPC endpoints. " + capitalized(subnet)
                    + " sends traffic out through an internet gateway, which an instance without a public IP cannot use."
                    + defaultVpc + " " + blocked, Fixes.privateNetworkFor(spec));
        }
        if (Boolean.FALSE.equals(isPublic) && Boolean.FALSE.equals(facts.subnetHasNatOrEndpoints())) {
            return warn(CANNOT_REACH,
                    capitalized(subnet) + " has neither an internet gateway route nor a NAT gateway or VPC endpoints. "
                    + blocked, Fixes.privateNetworkFor(spec));
        }
        return couldNotCheck("Could not check whether SSM, S3 and CloudWatch are reachable",
                "whether " + subnet + " reaches AWS through a NAT gateway or VPC endpoints; "
                + "without a public IP the instance needs one of them.",
                Fix.manual("Add a NAT gateway route, or VPC endpoints for ssm, ssmmessages, ec2messages, monitoring and logs and "
                        + "an S3 gateway endpoint, to " + subnet + "; or remove subnetId and set network to private (or isolated), "
                        + "Hangar's own network, which has them."));
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
