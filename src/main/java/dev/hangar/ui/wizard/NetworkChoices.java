package dev.hangar.ui.wizard;

import dev.hangar.catalog.NetworkCost;
import dev.hangar.review.NetworkCosts;
import dev.hangar.spec.NetworkMode;
import java.util.Locale;

/** What each network mode means and costs, in the plain words of the Access step's choices. */
final class NetworkChoices {

    private NetworkChoices() {
    }

    static String title(NetworkMode mode) {
        return switch (mode) {
            case PRIVATE -> "Private — recommended";
            case ISOLATED -> "Isolated — no internet at all";
            case PUBLIC -> "Public — the default VPC, with a public address";
        };
    }

    static String hint(NetworkMode mode, String region) {
        String where = region == null || region.isBlank() ? "the region" : region;
        NetworkCost cost = NetworkCosts.of(mode, where);
        return switch (mode) {
            case PRIVATE -> String.format(Locale.ROOT, "No public address; it reaches the internet (pip, model downloads) through a NAT "
                    + "gateway, and S3 through a free gateway endpoint. Nothing can connect in. About $%.2f/h while any Hangar "
                    + "machine in %s exists, plus $%.3f per GB through the NAT.", cost.perHour(), where, cost.perGb());
            case ISOLATED -> String.format(Locale.ROOT, "No public address and no route to the internet: Session Manager, CloudWatch and S3 "
                    + "through VPC endpoints (about $%.2f/h while any Hangar machine in %s exists). pip install and model downloads "
                    + "will not work: stage packages and models in S3.", cost.perHour(), where);
            case PUBLIC -> "A public IP address in the region's default VPC: no network to pay for, but the machine is on the "
                    + "internet (no inbound rule is open; the checklist warns about the address).";
        };
    }

    static String subnetOverrides(String subnetId) {
        return "Your spec names subnet " + subnetId + ": the instance goes there, whose own routes decide what it can reach, "
                + "and these choices do not apply. Remove subnetId from the spec to use them.";
    }
}
