package dev.hangar.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.Tenancy;
import org.junit.jupiter.api.Test;

class CostEstimatorTest {

    private final LaunchSpec spec = LaunchSpec.builder().name("llama").region("us-east-1").amiId("ami-0123456789abcdef0")
            .instanceType("g5.xlarge").dataBucket("my-datasets").rootVolumeGiB(100).dataVolumeGiB(400).build();

    @Test
    void sharedTenancyIsTheListPricePlusStorageAndMonitoring() {
        CostEstimate c = CostEstimator.estimate(spec, 1.006, "live");
        assertThat(c.instancePerHour()).isEqualTo(1.006);
        assertThat(c.dedicatedFeePerHour()).isZero();
        assertThat(c.storagePerMonth()).isCloseTo(500 * 0.08, within(1e-9));
        assertThat(c.monitoringPerMonth()).isCloseTo(2.10 + 0.10, within(1e-9));
        assertThat(c.totalPerMonth()).isCloseTo(1.006 * 730 + 40 + 2.2, within(1e-6));
        assertThat(c.summary()).contains("$1.006/h").contains("live");
    }

    @Test
    void dedicatedTenancyAddsTheUpliftAndTheRegionFee() {
        CostEstimate c = CostEstimator.estimate(spec.toBuilder().tenancy(Tenancy.DEDICATED).build(), 1.0, "live");
        assertThat(c.instancePerHour()).isCloseTo(1.10, within(1e-9));
        assertThat(c.dedicatedFeePerHour()).isEqualTo(2.0);
        assertThat(c.summary()).contains("dedicated fee");
    }

    @Test
    void anUnknownPriceStillEstimatesStorage() {
        CostEstimate c = CostEstimator.estimate(spec.toBuilder().idleStopMinutes(0).build(), null, "live");
        assertThat(c.totalPerHour()).isNull();
        assertThat(c.monitoringPerMonth()).isCloseTo(2.10, within(1e-9));
        assertThat(c.priceSource()).isEqualTo("unknown");
        assertThat(c.summary()).contains("price unknown");
    }
}
