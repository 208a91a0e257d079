package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.NetworkModel;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.NetworkMode;

/**
 * Not a risk but a surprise worth a warning: with no route to the internet (network isolated, or a subnet without a
 * NAT gateway) AWS still answers through endpoints, but pip, conda and model hubs do not. Kept apart from
 * {@link ReachesAwsServicesRule} so that an isolated network passes that rule and still says this.
 */
public final class InternetDownloadsRule extends BaseRule {

    private static final Fix PRIVATE_INSTEAD = Fix.oneClick(
            "Use network private instead: the same private subnet, with outbound internet through a NAT gateway (the review "
                    + "shows what it costs per hour); still no public IP and no inbound route",
            spec -> spec.toBuilder().network(NetworkMode.PRIVATE).build());

    public InternetDownloadsRule() {
        super("internet-downloads", "Package installs and model downloads can reach the internet",
                "Training code usually installs packages (pip, conda) and downloads models and datasets (the Hugging Face "
                        + "Hub, GitHub) when it starts; without a route to the internet these calls hang until they time out.",
                Severity.LOW);
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        LaunchSpec spec = blueprint.spec();
        NetworkModel network = blueprint.network();
        if (network != null) {
            if (network.needsNat()) {
                return pass("pip and model downloads go out through the NAT gateway",
                        "Outbound through the NAT gateway: pip, conda, git and model downloads work, and nothing can connect "
                        + "in. The NAT charges per GB it carries; S3 traffic skips it through the S3 gateway endpoint.");
            }
            return warn("No internet (network isolated): pip and model downloads fail",
                    "network isolated: the instance has no route to the internet, so pip install, conda, apt, git clone "
                    + "and model downloads (the Hugging Face Hub) will not work. " + staging(spec), PRIVATE_INSTEAD);
        }
        Boolean isPublic = SubnetExposure.isPublic(spec, facts);
        if (blueprint.instance().associatePublicIp() && Boolean.TRUE.equals(isPublic)) {
            return pass("pip and model downloads go out through the internet gateway",
                    "Outbound through the internet gateway with the instance's public IP.");
        }
        if (Boolean.TRUE.equals(facts.subnetRoutesToNat())) {
            return pass("pip and model downloads go out through the subnet's NAT gateway",
                    capitalized(SubnetExposure.describe(spec)) + " routes to a NAT gateway: downloads go out through it.");
        }
        if (isPublic != null && facts.subnetRoutesToNat() != null) {
            return warn("No way to the internet: pip and model downloads fail",
                    capitalized(SubnetExposure.describe(spec)) + " gives the instance no way to the internet (no NAT "
                    + "gateway route" + (isPublic ? ", and no public IP for its internet gateway" : "") + "): pip install and model "
                    + "downloads will not work. " + staging(spec), Fixes.privateNetworkFor(spec));
        }
        return couldNotCheck("Could not check whether pip and model downloads can go out",
                "whether " + SubnetExposure.describe(spec) + " has a way to the internet (a NAT gateway route, "
                + "or an internet gateway and a public IP); without one pip install and model downloads fail.",
                Fix.manual("Add a NAT gateway route to " + SubnetExposure.describe(spec) + ", or remove subnetId and set network "
                        + "to private; or stage packages and models in S3."));
    }

    /** What to do instead: the bucket is reachable in every mode through the S3 gateway endpoint. */
    private static String staging(LaunchSpec spec) {
        String where = spec.dataBucket() == null ? "your data bucket"
                : "s3://" + spec.dataBucket() + "/" + (spec.dataPrefix() == null ? "" : spec.dataPrefix());
        return "Stage them in S3 beforehand, in " + where + " (reached through the S3 gateway endpoint): e.g. pip download "
                + "-r requirements.txt -d wheels/ on your machine, upload wheels/ and the model files, then on the instance "
                + "aws s3 sync them down and pip install --no-index --find-links wheels/ -r requirements.txt.";
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
