package dev.hangar.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The catalog of each region on disk ({@code <home>/cache/gpu-catalog-<region>.json}), fresh for a week. */
public final class CatalogCache {

    public static final Duration MAX_AGE = Duration.ofDays(7);

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
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "gpu-catalog", ".tmp");
            JSON.writeValue(temp.toFile(), catalog);
            Files.move(temp, file(catalog.region()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Not being able to cache costs a reload next time, nothing more.
        }
    }

    private Path file(String region) {
        return dir.resolve("gpu-catalog-" + region + ".json");
    }
}
