package dev.hangar.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled, dated catalog for use without credentials or network (plan-only mode). Its
 * {@code source} and {@code date} fields say where the data came from.
 */
public final class CatalogSnapshot {

    private static final String RESOURCE = "gpu-catalog-snapshot.json";

    private final JsonNode root;

    private CatalogSnapshot(JsonNode root) {
        this.root = root;
    }

    public static CatalogSnapshot bundled() {
        try (InputStream in = CatalogSnapshot.class.getResourceAsStream(RESOURCE)) {
            return new CatalogSnapshot(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled catalog snapshot cannot be read", e);
        }
    }

    public LocalDate date() {
        return LocalDate.parse(root.get("date").asText());
    }

    /** How a researcher is told where a bundled price comes from: "prices from AWS's list of 1 May 2025 (offline copy)". */
    public String pricesNote() {
        return "prices from AWS's list of " + date().format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH))
                + " (offline copy)";
    }

    /** The bundled list price of a type in a region; empty when the snapshot has none. */
    public java.util.Optional<Double> price(String region, String instanceType) {
        JsonNode p = root.path("prices").path(region).path(instanceType);
        return p.isNumber() ? java.util.Optional.of(p.asDouble()) : java.util.Optional.empty();
    }

    public String sourceDescription() {
        return root.get("source").asText();
    }

    public List<String> regions() {
        List<String> regions = new ArrayList<>();
        root.get("offerings").fieldNames().forEachRemaining(regions::add);
        return regions;
    }

    public GpuCatalog forRegion(String region) {
        JsonNode offerings = root.path("offerings").path(region);
        JsonNode prices = root.path("prices").path(region);
        List<GpuOffer> offers = new ArrayList<>();
        offerings.fields().forEachRemaining(e -> {
            JsonNode t = root.get("types").get(e.getKey());
            List<String> zones = new ArrayList<>();
            e.getValue().forEach(z -> zones.add(z.asText()));
            offers.add(prices.has(e.getKey()) ? new GpuOffer(type(e.getKey(), t), zones, prices.get(e.getKey()).asDouble(), pricesNote())
                    : new GpuOffer(type(e.getKey(), t), zones, null));
        });
        return new GpuCatalog(region, date().atStartOfDay().toInstant(ZoneOffset.UTC), "snapshot of " + date(), offers);
    }

    private static GpuInstanceType type(String name, JsonNode t) {
        List<String> arch = new ArrayList<>();
        t.get("architectures").forEach(a -> arch.add(a.asText()));
        return new GpuInstanceType(name, t.path("gpuManufacturer").asText(null), t.path("gpuModel").asText(null), t.path("gpuCount").asInt(),
                t.path("gpuMemoryMiB").asInt(), t.path("vcpus").asInt(), t.path("memoryMiB").asLong(), arch, t.path("spot").asBoolean());
    }
}
