package dev.hangar.catalog;

import java.util.List;

/**
 * A GPU type as offered in one region: the zones that have it and its on-demand Linux price.
 *
 * @param pricePerHour USD per hour, or null when unknown
 */
public record GpuOffer(GpuInstanceType type, List<String> zones, Double pricePerHour) {

    public GpuOffer {
        zones = List.copyOf(zones);
    }
}
