package dev.hangar.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.hangar.catalog.CostEstimate;
import dev.hangar.catalog.CostEstimator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Instance;

/** Cost so far, windows, series and stop times: the monitor's arithmetic without AWS. */
class MonitorValuesTest {

    private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");

    @Test
    void computeIsCountedSinceTheLastStartAndStorageSinceTheLaunch() {
        Instant launched = T0.minusSeconds(24 * 3600);
        CostSoFar running = CostSoFar.of(2.0, "live", T0, true, null, 200, launched, T0.plusSeconds(3 * 3600));
        assertThat(running.computeHours()).isEqualTo(3.0);
        assertThat(running.compute()).isEqualTo(6.0);
        double storage = 200 * CostEstimator.GP3_PER_GIB_MONTH / CostEstimate.HOURS_PER_MONTH * 27;
        assertThat(running.storage()).isCloseTo(storage, within(1e-12));
        assertThat(running.total()).isCloseTo(6.0 + storage, within(1e-12));
    }

    @Test
    void aStoppedInstanceCostsUpToItsStopAndAnUnknownStopLeavesComputeUnknown() {
        CostSoFar stopped = CostSoFar.of(2.0, "live", T0, false, T0.plusSeconds(1800), 100, T0, T0.plusSeconds(7200));
        assertThat(stopped.compute()).isEqualTo(1.0);
        assertThat(stopped.computeUntil()).isEqualTo(T0.plusSeconds(1800));

        CostSoFar unknown = CostSoFar.of(2.0, "live", T0, false, null, 100, T0, T0.plusSeconds(7200));
        assertThat(unknown.compute()).isNull();
        assertThat(unknown.total()).isNull();
        assertThat(unknown.storage()).isPositive();
    }

    @Test
    void anUnknownPriceLeavesComputeUnknownButNothingRunningCostsNothing() {
        assertThat(CostSoFar.of(null, "unknown", T0, true, null, 100, T0, T0.plusSeconds(60)).compute()).isNull();
        CostSoFar gone = CostSoFar.of(null, "unknown", null, false, null, 100, T0, T0.plusSeconds(3600));
        assertThat(gone.compute()).isZero();
        assertThat(gone.total()).isEqualTo(gone.storage());
    }

    @Test
    void windowsParseAndKeepEachAnswerOnOnePage() {
        assertThat(MetricWindow.parse("1h")).isEqualTo(MetricWindow.LAST_HOUR);
        assertThat(MetricWindow.parse(" 24H ")).isEqualTo(MetricWindow.LAST_24_HOURS);
        assertThat(MetricWindow.LAST_6_HOURS.periodSeconds()).isEqualTo(300);
        assertThatThrownBy(() -> MetricWindow.parse("2h")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1h, 6h or 24h");
        int queries = MetricsReader.Query.values().length;
        for (MetricWindow w : MetricWindow.values()) {
            int perCall = MetricsReader.instancesPerCall(w);
            assertThat(perCall * queries).as(w.label()).isLessThanOrEqualTo(MetricsReader.MAX_QUERIES_PER_CALL);
            assertThat(perCall * queries * w.pointsPerSeries()).as(w.label()).isLessThanOrEqualTo(MetricsReader.MAX_POINTS_PER_PAGE);
        }
        assertThat(MetricsReader.instancesPerCall(MetricWindow.LAST_HOUR)).isEqualTo(500 / queries);
    }

    @Test
    void seriesAreSortedAndGpuMemoryIsUsedOverTotalWhereBothAreKnown() {
        Instant a = T0;
        Instant b = T0.plusSeconds(60);
        Instant c = T0.plusSeconds(120);
        MetricSeries used = MetricSeries.sorted(List.of(c, a, b), List.of(30.0, 10.0, 20.0));
        assertThat(used.timestamps()).containsExactly(a, b, c);
        assertThat(used.values()).containsExactly(10.0, 20.0, 30.0);
        assertThat(used.latest()).isEqualTo(30.0);
        MetricSeries total = new MetricSeries(List.of(a, c), List.of(40.0, 0.0));
        MetricSeries percent = MetricsReader.percent(used, total);
        assertThat(percent.timestamps()).containsExactly(a);
        assertThat(percent.values()).containsExactly(25.0);
        assertThatThrownBy(() -> new MetricSeries(List.of(a), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStopTimeIsReadFromTheStateTransitionReason() {
        Instance stopped = Instance.builder().state(s -> s.name("stopped")).stateTransitionReason("User initiated (2026-01-10 09:15:02 GMT)").build();
        assertThat(MonitorService.stopTime(stopped)).contains(Instant.parse("2026-01-10T09:15:02Z"));
        Instance motoStyle = Instance.builder().state(s -> s.name("stopped")).stateTransitionReason("User initiated (2026-01-10 09:15:02 UTC)").build();
        assertThat(MonitorService.stopTime(motoStyle)).contains(Instant.parse("2026-01-10T09:15:02Z"));
        Instance running = Instance.builder().state(s -> s.name("running")).stateTransitionReason("").build();
        assertThat(MonitorService.stopTime(running)).isEmpty();
        Instance idle = Instance.builder().state(s -> s.name("stopped")).stateTransitionReason("Server.ScheduledStop: Stopped due to event").build();
        assertThat(MonitorService.stopTime(idle)).isEmpty();
    }
}
