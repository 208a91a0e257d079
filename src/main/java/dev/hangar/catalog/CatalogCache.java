package dev.hangar.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hangar.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The catalog of each region on disk ({@code <home>/cache/gpu-catalog-<region>.json}), fresh for a week,
 * and each account's list of regions ({@code regions-<account>.json}), fresh for a day.
 */
public final class CatalogCache {

    public static final Duration MAX_AGE = Duration.ofDays(7);
    /** An account's enabled regions change only when someone opts in to one: a day is soon enough to see it. */
    public static final Duration REGIONS_MAX_AGE = Duration.ofDays(1);

    /** The regions an account can use, as listed at {@code fetchedAt}. */
    record RegionList(Instant fetchedAt, List<String> regions) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Path dir;
    private final Clock clock;

    public CatalogCache(Path home, Clock clock) {
        this.dir = home.resolve("cache");
        this.clock = clock;
    }

    /** A fresh cached catalog, or empty when there is none, it is too old, or it cannot be read. */
    public Optional<GpuCatalog> fresh(String region) {
        Path file = file(region);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            GpuCatalog cached = JSON.readValue(file.toFile(), GpuCatalog.class);
            boolean fresh = cached.fetchedAt().plus(MAX_AGE).isAfter(clock.instant());
            return fresh ? Optional.of(cached.withSource("cache")) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // a damaged cache is only a slower start: it is fetched again
        }
    }

    public void store(GpuCatalog catalog) {
        write(file(catalog.region()), catalog);
    }

    /** The account's enabled regions, when listed less than {@link #REGIONS_MAX_AGE} ago. */
    public Optional<List<String>> freshRegions(String accountId) {
        Path file = regionsFile(accountId);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            RegionList cached = JSON.readValue(file.toFile(), RegionList.class);
            boolean fresh = cached.fetchedAt().plus(REGIONS_MAX_AGE).isAfter(clock.instant()) && !cached.regions().isEmpty();
            return fresh ? Optional.of(List.copyOf(cached.regions())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void storeRegions(String accountId, List<String> regions) {
        write(regionsFile(accountId), new RegionList(clock.instant(), List.copyOf(regions)));
    }

    private Path regionsFile(String accountId) {
        // An account ID is 12 digits; anything else (a test's fake) is kept to safe file-name characters.
        return dir.resolve("regions-" + accountId.replaceAll("[^A-Za-z0-9-]", "_") + ".json");
    }

    private void write(Path target, Object value) {
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(target, JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            // Not being able to cache costs a reload next time, nothing more.
        }
    }

    private Path file(String region) {
        return dir.resolve("gpu-catalog-" + region + ".json");
    }
}
