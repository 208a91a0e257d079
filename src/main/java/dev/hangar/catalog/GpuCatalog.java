package dev.hangar.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The GPU types of one region, and where they came from.
 *
 * @param source what produced it: "live", "cache" or "snapshot of DATE" — the wizard shows it
 */
public record GpuCatalog(String region, Instant fetchedAt, String source, List<GpuOffer> offers) {

    public GpuCatalog {
        offers = List.copyOf(offers);
    }

    public Optional<GpuOffer> offer(String instanceType) {
        return offers.stream().filter(o -> o.type().name().equals(instanceType)).findFirst();
    }

    public GpuCatalog withSource(String newSource) {
        return new GpuCatalog(region, fetchedAt, newSource, offers);
    }
}
