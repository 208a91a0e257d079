package dev.hangar.catalog;

import java.util.Map;
import java.util.Optional;

/**
 * On-demand Linux prices of the small general-purpose types a cluster's head node runs on. The GPU catalog prices only
 * GPU types; these are us-east-1 list prices (2026-11), close enough elsewhere for an estimate.
 */
public final class HeadNodePrices {

    public static final String SOURCE = "us-east-1 list price, 2026-11";

    private static final Map<String, Double> PER_HOUR = Map.ofEntries(
            Map.entry("t3.medium", 0.0416), Map.entry("t3.large", 0.0832), Map.entry("t3.xlarge", 0.1664),
            Map.entry("t3.2xlarge", 0.3328), Map.entry("c5.large", 0.085), Map.entry("c5.xlarge", 0.17),
            Map.entry("c5.2xlarge", 0.34), Map.entry("c6i.large", 0.085), Map.entry("c6i.xlarge", 0.17),
            Map.entry("m5.large", 0.096), Map.entry("m5.xlarge", 0.192), Map.entry("m5.2xlarge", 0.384),
            Map.entry("m6i.large", 0.096), Map.entry("m6i.xlarge", 0.192), Map.entry("m6i.2xlarge", 0.384));

    private HeadNodePrices() {
    }

    /** USD per hour, or empty for a type this table does not hold. */
    public static Optional<Double> perHour(String instanceType) {
        return Optional.ofNullable(PER_HOUR.get(instanceType));
    }
}
