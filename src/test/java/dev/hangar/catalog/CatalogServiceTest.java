package dev.hangar.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalAwsExtension.class)
class CatalogServiceTest {

    @TempDir Path home;

    @Test
    void liveTypesCarryGpusZonesAndPrices(LocalAws aws) {
        CatalogService service = new CatalogService(Optional.of(aws.clients()), new CatalogCache(home, Clock.systemUTC()), Clock.systemUTC());
        GpuCatalog catalog = service.gpuTypes(LocalAws.REGION, false);
        assertThat(catalog.source()).isEqualTo("live");
        GpuOffer g5 = catalog.offer("g5.xlarge").orElseThrow();
        assertThat(g5.type().gpuModel()).isEqualTo("A10G");
        assertThat(g5.pricePerHour()).isEqualTo(1.006);
        assertThat(g5.zones()).contains("us-east-1a");
        assertThat(catalog.offers()).allMatch(o -> o.type().gpuMemoryMiB() > 0);
        assertThat(catalog.offer("g6f.large").orElseThrow().type().gpuSummary()).isEqualTo("part of an L4");
        assertThat(g5.type().gpuSummary()).isEqualTo("1 × A10G");
        assertThat(catalog.offer("m5.large")).isEmpty();
    }

    @Test
    void withoutThePricingApiTheBundledPricesServeAndSayTheirDate(LocalAws aws) {
        aws.endpoint().inject(dev.hangar.testing.Fault.on("pricing", "GetProducts").always()
                .error(400, "AccessDeniedException", "User is not authorized to perform: pricing:GetProducts"));
        CatalogService service = new CatalogService(Optional.of(aws.clients()), new CatalogCache(home, Clock.systemUTC()), Clock.systemUTC());
        GpuCatalog catalog = service.gpuTypes(LocalAws.REGION, false);
        assertThat(catalog.source()).isEqualTo("live");
        GpuOffer g5 = catalog.offer("g5.xlarge").orElseThrow();
        assertThat(g5.pricePerHour()).isEqualTo(1.006);
        assertThat(g5.priceNote()).isEqualTo("prices from AWS's list of 1 May 2025 (offline copy)");
        assertThat(catalog.offer("g4ad.xlarge").orElseThrow().pricePerHour()).as("not in the bundled list either").isNull();
        // The note survives the disk cache.
        assertThat(service.gpuTypes(LocalAws.REGION, false).offer("g5.xlarge").orElseThrow().priceNote()).isEqualTo(g5.priceNote());
    }

    @Test
    void livePricesCarryNoNote(LocalAws aws) {
        CatalogService service = new CatalogService(Optional.of(aws.clients()), new CatalogCache(home, Clock.systemUTC()), Clock.systemUTC());
        assertThat(service.gpuTypes(LocalAws.REGION, false).offer("g5.xlarge").orElseThrow().priceNote()).isNull();
    }

    @Test
    void aWarmCacheMakesNoCallAndRefreshBypassesIt(LocalAws aws) {
        CatalogService service = new CatalogService(Optional.of(aws.clients()), new CatalogCache(home, Clock.systemUTC()), Clock.systemUTC());
        service.gpuTypes(LocalAws.REGION, false);
        aws.endpoint().clearRecord();

        GpuCatalog cached = service.gpuTypes(LocalAws.REGION, false);
        assertThat(cached.source()).isEqualTo("cache");
        assertThat(cached.offer("g5.xlarge").orElseThrow().pricePerHour()).isEqualTo(1.006);
        assertThat(aws.endpoint().requests()).isEmpty();

        assertThat(service.gpuTypes(LocalAws.REGION, true).source()).isEqualTo("live");
        assertThat(aws.endpoint().requests()).isNotEmpty();
    }

    @Test
    void aCacheOlderThanAWeekIsFetchedAgain(LocalAws aws) {
        Clock then = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        new CatalogService(Optional.of(aws.clients()), new CatalogCache(home, then), then).gpuTypes(LocalAws.REGION, false);
        Clock later = Clock.offset(then, CatalogCache.MAX_AGE.plus(Duration.ofMinutes(1)));
        aws.endpoint().clearRecord();
        GpuCatalog again = new CatalogService(Optional.of(aws.clients()), new CatalogCache(home, later), later).gpuTypes(LocalAws.REGION, false);
        assertThat(again.source()).isEqualTo("live");
        assertThat(aws.endpoint().requests()).isNotEmpty();
    }

    @Test
    void withoutCredentialsTheBundledSnapshotServes() {
        GpuCatalog offline = new CatalogService(Optional.empty(), new CatalogCache(home, Clock.systemUTC()), Clock.systemUTC()).gpuTypes("us-east-1", false);
        assertThat(offline.source()).startsWith("snapshot of ");
        assertThat(offline.offer("g5.xlarge")).isPresent();
    }
}
