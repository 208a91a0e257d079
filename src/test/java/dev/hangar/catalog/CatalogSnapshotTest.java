package dev.hangar.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogSnapshotTest {

    private final CatalogSnapshot snapshot = CatalogSnapshot.bundled();

    @Test
    void saysWhereItsDataCameFromAndWhen() {
        assertThat(snapshot.sourceDescription()).contains("DescribeInstanceTypes").contains("prices");
        assertThat(snapshot.date()).isBefore(java.time.LocalDate.now());
    }

    @Test
    void knowsTheCommonTrainingTypesWithTheirGpus() {
        GpuCatalog useast = snapshot.forRegion("us-east-1");
        GpuOffer g5 = useast.offer("g5.xlarge").orElseThrow();
        assertThat(g5.type().gpuModel()).isEqualTo("A10G");
        assertThat(g5.type().gpuCount()).isEqualTo(1);
        assertThat(g5.type().vcpus()).isEqualTo(4);
        assertThat(g5.pricePerHour()).isEqualTo(1.006);
        assertThat(g5.zones()).isNotEmpty().allMatch(z -> z.startsWith("us-east-1"));
        GpuOffer p4d = useast.offer("p4d.24xlarge").orElseThrow();
        assertThat(p4d.type().gpuCount()).isEqualTo(8);
        assertThat(p4d.type().family()).isEqualTo("p4d");
        assertThat(useast.source()).startsWith("snapshot of ");
    }

    @Test
    void coversManyRegionsAndLeavesUnknownPricesEmpty() {
        assertThat(snapshot.regions()).contains("us-east-1", "eu-west-1", "ap-northeast-1").hasSizeGreaterThan(20);
        GpuCatalog frankfurt = snapshot.forRegion("eu-central-1");
        assertThat(frankfurt.offers()).isNotEmpty();
        assertThat(frankfurt.offers()).allMatch(o -> o.pricePerHour() == null);
    }

    @Test
    void anUnknownRegionHasNoOffers() {
        assertThat(snapshot.forRegion("xx-nowhere-1").offers()).isEmpty();
    }
}
