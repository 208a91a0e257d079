package dev.hangar.catalog;

/**
 * What a launch costs, in USD. Hourly figures are while the instance runs; monthly storage is
 * charged while the volumes exist, running or not.
 *
 * @param instancePerHour       null when the price is unknown
 * @param dedicatedFeePerHour   the per-region fee while any dedicated instance runs (0 with default tenancy)
 * @param storagePerMonth       root + data gp3 volumes
 * @param monitoringPerMonth    detailed monitoring and the idle-stop alarm
 * @param priceSource           where the instance price came from ("live", "snapshot of …", "unknown")
 * @param network               Hangar's shared network in the region (billed while it stands, running or not); null for
 *                              network public or an existing subnetId
 */
public record CostEstimate(Double instancePerHour, double dedicatedFeePerHour, double storagePerMonth, double monitoringPerMonth,
        String priceSource, NetworkCost network) {

    public static final double HOURS_PER_MONTH = 730;

    /** The network's hourly cost; 0 without Hangar's network. */
    public double networkPerHour() {
        return network == null ? 0 : network.perHour();
    }

    /**
     * Running cost per hour, storage and monitoring spread over the month included, and the network (shared, but a lone
     * launch pays all of it); null when the instance price is unknown.
     */
    public Double totalPerHour() {
        return instancePerHour == null ? null
                : instancePerHour + dedicatedFeePerHour + networkPerHour() + (storagePerMonth + monitoringPerMonth) / HOURS_PER_MONTH;
    }

    /** A month of running around the clock; null when the instance price is unknown. */
    public Double totalPerMonth() {
        Double hourly = totalPerHour();
        return hourly == null ? null : hourly * HOURS_PER_MONTH;
    }

    public String summary() {
        String instance = instancePerHour == null ? "instance price unknown" : String.format("$%.3f/h instance", instancePerHour);
        String dedicated = dedicatedFeePerHour > 0 ? String.format(" + $%.2f/h dedicated fee", dedicatedFeePerHour) : "";
        String net = network == null ? "" : String.format(" + $%.3f/h %s network (shared)", network.perHour(), network.mode().wireName());
        String total = totalPerMonth() == null ? "" : String.format("; about $%.0f per month if left running (%s prices)", totalPerMonth(), priceSource);
        return instance + dedicated + net + String.format(" + $%.2f/month storage + $%.2f/month monitoring", storagePerMonth, monitoringPerMonth) + total;
    }
}
