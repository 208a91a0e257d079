package dev.hangar.catalog;

import java.util.List;

/**
 * A GPU type as offered in one region: the zones that have it and its on-demand Linux price.
 *
 * @param pricePerHour USD per hour, or null when unknown
 * @param priceNote    where the price came from when not from the catalog's own source, e.g. "prices from AWS's list of
 *                     1 May 2025 (offline copy)" when the Pricing API could not answer; null otherwise
 */
public record GpuOffer(GpuInstanceType type, List<String> zones, Double pricePerHour, String priceNote) {

    public GpuOffer {
        zones = List.copyOf(zones);
    }

    public GpuOffer(GpuInstanceType type, List<String> zones, Double pricePerHour) {
        this(type, zones, pricePerHour, null);
    }

    /** The same offer priced from elsewhere, saying where. */
    public GpuOffer pricedFrom(Double price, String note) {
        return new GpuOffer(type, zones, price, note);
    }
}
