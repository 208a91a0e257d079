package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.Tenancy;
import java.util.Locale;

/** Advisory only, never a failure: both tenancies are safe choices; dedicated buys hardware isolation at a price. */
public final class TenancyRule extends BaseRule {

    /** AWS charges this per region and hour while at least one dedicated instance runs there. */
    public static final double DEDICATED_REGION_FEE_PER_HOUR = 2.0;
    /** Dedicated instances' hourly rate is roughly this much above the default-tenancy rate. */
    public static final double DEDICATED_RATE_MARKUP = 0.10;

    public TenancyRule() {
        super("tenancy-isolation", "Tenancy and its cost",
                "Dedicated instances run on hardware no other AWS account uses. That adds isolation beyond the hypervisor, "
                        + "which few threat models need, at a real extra cost.",
                Severity.INFO);
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        LaunchSpec spec = blueprint.spec();
        if (!Tenancy.DEDICATED.wireName().equals(blueprint.instance().tenancy())) {
            return pass("Default tenancy: shared hardware, isolated by Nitro",
                    "Default tenancy: the instance shares hardware with other accounts and is isolated from them by the Nitro "
                            + "hypervisor. Choose dedicated only if a policy requires hardware isolation.");
        }
        String title = "Dedicated tenancy: about +10 % and $2 per region-hour";
        String cost = "Dedicated tenancy costs more: about +10 % per hour plus $2 per region-hour while any dedicated "
                + "instance runs.";
        Double price = facts.onDemandPricePerHour();
        if (price != null) {
            double rate = price * (1 + DEDICATED_RATE_MARKUP);
            cost += String.format(Locale.ROOT, " For %s: about $%.2f/h instead of $%.2f/h, plus the $%.2f/h region fee: "
                            + "about $%.2f/h while it is the only dedicated instance in %s.",
                    spec.instanceType(), rate, price, DEDICATED_REGION_FEE_PER_HOUR, rate + DEDICATED_REGION_FEE_PER_HOUR, spec.region());
            title = String.format(Locale.ROOT, "Dedicated tenancy: about $%.2f/h with the region fee",
                    rate + DEDICATED_REGION_FEE_PER_HOUR);
        }
        return pass(title, cost);
    }
}
