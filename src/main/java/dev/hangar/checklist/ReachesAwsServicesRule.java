package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;

/**
 * The usability trap of a secure default: without a public IP, an instance in a public subnet (every default
 * VPC subnet) has no way out, so SSM cannot connect to it and it cannot read S3 or send metrics.
 */
public final class ReachesAwsServicesRule extends BaseRule {

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
        Boolean isPublic = SubnetExposure.isPublic(spec, facts);
        String subnet = SubnetExposure.describe(spec);
        if (spec.associatePublicIp() && Boolean.TRUE.equals(isPublic)) {
            return pass("The instance reaches AWS through the internet gateway with its public IP.");
        }
        if (Boolean.TRUE.equals(facts.subnetHasNatOrEndpoints())) {
            return pass(capitalized(subnet) + " reaches AWS through a NAT gateway or VPC endpoints.");
        }
        String blocked = spec.access() == Access.SSM
                ? "Session Manager cannot connect to it, and it cannot read S3 or send metrics."
                : "It cannot read S3 or send metrics, and SSH reaches it only from inside the VPC.";
        if (Boolean.TRUE.equals(isPublic)) {
            String defaultVpc = SubnetExposure.inDefaultVpc(spec, facts) ? " Default VPC subnets have no NAT gateway." : "";
            return warn("The instance needs a route to SSM: a NAT gateway or VPC endpoints. " + capitalized(subnet)
                    + " sends traffic out through an internet gateway, which an instance without a public IP cannot use."
                    + defaultVpc + " " + blocked, Fixes.PUBLIC_IP);
        }
        Fix fix = Fix.manual("Add a NAT gateway route, or VPC endpoints for ssm, ssmmessages, ec2messages, monitoring and an "
                + "S3 gateway endpoint, to " + subnet + "; or choose another subnet.");
        if (Boolean.FALSE.equals(isPublic) && Boolean.FALSE.equals(facts.subnetHasNatOrEndpoints())) {
            return warn(capitalized(subnet) + " has neither an internet gateway route nor a NAT gateway or VPC endpoints. "
                    + blocked, fix);
        }
        return couldNotCheck("whether " + subnet + " reaches AWS through a NAT gateway or VPC endpoints; "
                + "without a public IP the instance needs one of them.", fix);
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
