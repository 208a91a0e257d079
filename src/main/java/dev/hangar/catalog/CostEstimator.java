package dev.hangar.catalog;

import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.Tenancy;

/**
 * Estimates a launch's cost from the instance price and AWS's published rates (us-east-1 list
 * prices; other regions differ by a few percent, which an estimate can live with).
 */
public final class CostEstimator {

    /** gp3 storage, per GiB-month; the baseline 3000 IOPS and 125 MB/s are included. */
    public static final double GP3_PER_GIB_MONTH = 0.08;
    /** Detailed monitoring: seven EC2 metrics at one-minute resolution, $0.30 per metric-month. */
    public static final double DETAILED_MONITORING_PER_MONTH = 7 * 0.30;
    /** One standard-resolution CloudWatch alarm. */
    public static final double ALARM_PER_MONTH = 0.10;
    /** Charged per region for each hour in which at least one dedicated instance runs. */
    public static final double DEDICATED_REGION_FEE_PER_HOUR = 2.00;
    /** Dedicated instances cost about a tenth more per hour than shared ones. */
    public static final double DEDICATED_PRICE_FACTOR = 1.10;

    private CostEstimator() {
    }

    /** @param network Hangar's network the launch uses (see {@link NetworkCost}); null for network public or a subnetId */
    public static CostEstimate estimate(LaunchSpec spec, Double sharedPricePerHour, String priceSource, NetworkCost network) {
        boolean dedicated = spec.tenancy() == Tenancy.DEDICATED;
        Double instance = sharedPricePerHour == null ? null : sharedPricePerHour * (dedicated ? DEDICATED_PRICE_FACTOR : 1);
        double storage = (spec.rootVolumeGiB() + spec.dataVolumeGiB()) * GP3_PER_GIB_MONTH;
        double monitoring = DETAILED_MONITORING_PER_MONTH + (spec.idleStopMinutes() > 0 ? ALARM_PER_MONTH : 0);
        return new CostEstimate(instance, dedicated ? DEDICATED_REGION_FEE_PER_HOUR : 0, storage, monitoring,
                sharedPricePerHour == null ? "unknown" : priceSource, network);
    }
}
