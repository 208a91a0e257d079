package dev.hangar.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.NetworkMode;
import dev.hangar.spec.Tenancy;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostEstimatorTest {

    private final LaunchSpec spec = LaunchSpec.builder().name("llama").region("us-east-1").amiId("ami-0123456789abcdef0")
            .instanceType("g5.xlarge").dataBucket("my-datasets").rootVolumeGiB(100).dataVolumeGiB(400).build();

    @Test
    void sharedTenancyIsTheListPricePlusStorageAndMonitoring() {
        CostEstimate c = CostEstimator.estimate(spec, 1.006, "live", null);
        assertThat(c.instancePerHour()).isEqualTo(1.006);
        assertThat(c.dedicatedFeePerHour()).isZero();
        assertThat(c.storagePerMonth()).isCloseTo(500 * 0.08, within(1e-9));
        assertThat(c.monitoringPerMonth()).isCloseTo(2.10 + 0.10, within(1e-9));
        assertThat(c.totalPerMonth()).isCloseTo(1.006 * 730 + 40 + 2.2, within(1e-6));
        assertThat(c.summary()).contains("$1.006/h").contains("live");
    }

    @Test
    void dedicatedTenancyAddsTheUpliftAndTheRegionFee() {
        CostEstimate c = CostEstimator.estimate(spec.toBuilder().tenancy(Tenancy.DEDICATED).build(), 1.0, "live", null);
        assertThat(c.instancePerHour()).isCloseTo(1.10, within(1e-9));
        assertThat(c.dedicatedFeePerHour()).isEqualTo(2.0);
        assertThat(c.summary()).contains("dedicated fee");
    }

    @Test
    void anUnknownPriceStillEstimatesStorage() {
        CostEstimate c = CostEstimator.estimate(spec.toBuilder().idleStopMinutes(0).build(), null, "live", null);
        assertThat(c.totalPerHour()).isNull();
        assertThat(c.monitoringPerMonth()).isCloseTo(2.10, within(1e-9));
        assertThat(c.priceSource()).isEqualTo("unknown");
        assertThat(c.summary()).contains("price unknown");
    }

    @Test
    void aPrivateNetworkAddsItsNatGatewayAndItsAddressPerHour() {
        NetworkCost network = new NetworkCost(NetworkMode.PRIVATE, "us-east-1", 1, List.of(), 1);
        CostEstimate c = CostEstimator.estimate(spec, 1.006, "live", network);

        assertThat(network.perHour()).isCloseTo(0.045 + 0.005, within(1e-9));
        assertThat(network.perGb()).isEqualTo(0.045);
        assertThat(c.networkPerHour()).isCloseTo(0.05, within(1e-9));
        assertThat(c.totalPerHour()).isCloseTo(1.006 + 0.05 + 42.2 / 730, within(1e-9));
        assertThat(c.summary()).contains("+ $0.050/h private network (shared)");
        assertThat(network.summary()).isEqualTo("Network (private): $0.050/h — NAT gateway $0.045/h + its public IPv4 address "
                + "$0.005/h, plus $0.045 per GB it carries; S3 traffic skips it through the free S3 gateway endpoint; shared by every "
                + "Hangar launch in us-east-1, billed while it stands, removed with the last launch or `hangar network destroy`.");
    }

    @Test
    void anIsolatedNetworkPaysEachInterfaceEndpointPerZone() {
        List<String> services = List.of("ssm", "ssmmessages", "ec2messages", "monitoring", "logs");
        NetworkCost one = new NetworkCost(NetworkMode.ISOLATED, "us-east-1", 0, services, 1);
        NetworkCost two = new NetworkCost(NetworkMode.ISOLATED, "us-east-1", 0, services, 2);

        assertThat(one.perHour()).isCloseTo(5 * 0.01, within(1e-9));
        assertThat(two.perHour()).isCloseTo(10 * 0.01, within(1e-9));
        assertThat(one.perExtraZoneHour()).isCloseTo(0.05, within(1e-9));
        assertThat(one.perGb()).isEqualTo(0.01);
        assertThat(one.summary()).contains("$0.050/h — 5 interface endpoints (ssm, ssmmessages, ec2messages, monitoring, logs) × 1 zone "
                + "× $0.010/h").contains("each further zone a launch uses adds $0.050/h").contains("S3 gateway endpoint is free")
                .contains("shared by every Hangar launch in us-east-1");
    }
}
