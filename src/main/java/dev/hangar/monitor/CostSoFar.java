package dev.hangar.monitor;

import dev.hangar.catalog.CostEstimate;
import dev.hangar.catalog.CostEstimator;
import java.time.Duration;
import java.time.Instant;

/**
 * What an instance has cost so far, in USD, estimated from list prices (the bill is the truth).
 *
 * <p><b>Compute is counted since the instance's last start</b> ({@code launchTime}, which AWS resets at
 * every start), not since the launch: earlier running periods are not known to EC2 and are left out.
 * It runs until now, or until the instance stopped when it is stopped. Storage is gp3 for every GiB of
 * the launch's volumes since the launch was created, running or not.
 *
 * @param pricePerHour  the on-demand Linux price per hour used (dedicated tenancy's premium included);
 *                      null when unknown. A spot instance is charged the spot price, usually less.
 * @param priceSource   where the price came from ("live", "cache", "snapshot of …") or "unknown"
 * @param computeSince  the instance's last start; null when it has none (never started, or gone)
 * @param computeUntil  now while it runs, its stop time when stopped; null when the stop time is unknown
 * @param compute       USD since the last start; null when the price or the stop time is unknown
 * @param storageGiB    gp3 GiB counted (root + data volume)
 * @param storageSince  since when storage is counted
 * @param storage       USD of gp3 storage so far
 * @param total         compute + storage; null when compute is unknown
 */
public record CostSoFar(Double pricePerHour, String priceSource, Instant computeSince, Instant computeUntil, Double compute,
        double storageGiB, Instant storageSince, double storage, Double total) {

    /** Hours between the two instants, never negative; 0 when either is null. */
    static double hours(Instant from, Instant to) {
        if (from == null || to == null || !to.isAfter(from)) {
            return 0;
        }
        return Duration.between(from, to).toMillis() / 3_600_000.0;
    }

    /**
     * @param running  whether compute is still being charged (pending, running, stopping)
     * @param stoppedAt when a stopped instance stopped, or null when unknown
     */
    static CostSoFar of(Double pricePerHour, String priceSource, Instant lastStart, boolean running, Instant stoppedAt,
            double storageGiB, Instant storageSince, Instant now) {
        Instant until = lastStart == null ? null : running ? now : stoppedAt;
        Double compute;
        if (lastStart == null) {
            compute = 0.0; // nothing has run (or it is gone): nothing to charge
        } else {
            compute = pricePerHour == null || until == null ? null : pricePerHour * hours(lastStart, until);
        }
        double storage = storageGiB * CostEstimator.GP3_PER_GIB_MONTH / CostEstimate.HOURS_PER_MONTH * hours(storageSince, now);
        return new CostSoFar(pricePerHour, priceSource, lastStart, until, compute, storageGiB, storageSince, storage,
                compute == null ? null : compute + storage);
    }

    /** Hours of compute counted (since the last start). */
    public double computeHours() {
        return hours(computeSince, computeUntil);
    }
}
