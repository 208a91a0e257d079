package dev.hangar.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.checklist.Finding;
import dev.hangar.checklist.Fix;
import dev.hangar.checklist.Severity;
import dev.hangar.checklist.Status;
import dev.hangar.journal.LaunchState;
import dev.hangar.monitor.CostSoFar;
import dev.hangar.monitor.IdleAlarm;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorFormatsTest {

    @Test
    void uptimeIsShortAndSortsByItsDuration() {
        assertThat(MonitorFormats.uptime(Duration.ofMinutes(12))).isEqualTo("12 m");
        assertThat(MonitorFormats.uptime(Duration.ofMinutes(125))).isEqualTo("2 h 05 m");
        assertThat(MonitorFormats.uptime(Duration.ofHours(76))).isEqualTo("3 d 04 h");
        assertThat(MonitorFormats.uptime(null)).isEqualTo(MonitorFormats.NONE);
    }

    @Test
    void costIsTheTotalOrSaysWhatIsUnknown() {
        Instant t = Instant.parse("2026-11-26T08:00:00Z");
        CostSoFar known = new CostSoFar(1.006, "live", t, t.plusSeconds(7200), 2.012, 200, t, 0.11, 2.122);
        assertThat(MonitorFormats.cost(known)).isEqualTo("$2.12");
        assertThat(MonitorFormats.costDetail(known)).contains("compute $2.01").contains("2.00 h").contains("$1.006/h (live)")
                .contains("storage $0.11").contains("200 GiB");
        CostSoFar noPrice = new CostSoFar(null, "unknown: no price for x9.huge", t, t, null, 100, t, 0.05, null);
        assertThat(MonitorFormats.cost(noPrice)).isEqualTo("? + $0.05 storage");
        assertThat(MonitorFormats.costDetail(noPrice)).contains("compute unknown (unknown: no price for x9.huge)");
        assertThat(MonitorFormats.cost(null)).isEqualTo(MonitorFormats.NONE);
    }

    @Test
    void theIdleAlarmInAWord() {
        assertThat(MonitorFormats.alarm(new IdleAlarm("a", "OK", "fine", null, null))).isEqualTo("armed");
        assertThat(MonitorFormats.alarm(new IdleAlarm("a", "ALARM", "idle", null, null))).isEqualTo("idle: stopping");
        assertThat(MonitorFormats.alarm(new IdleAlarm("a", "INSUFFICIENT_DATA", null, null, null))).isEqualTo("waiting for data");
        assertThat(MonitorFormats.alarm(IdleAlarm.missing("a"))).isEqualTo("missing");
        assertThat(MonitorFormats.alarmDetail(IdleAlarm.missing("hangar-x-idle-stop"))).contains("will not stop when idle");
        assertThat(MonitorFormats.alarm(null)).isEqualTo("off");
    }

    @Test
    void driftCountsFailuresAndWarningsOfRunningInstancesOnly() {
        Finding fail = finding(Status.FAIL);
        Finding warn = finding(Status.WARN);
        assertThat(MonitorFormats.drift(Rows.launch(LaunchState.SUCCEEDED, "running"))).isEqualTo("none");
        assertThat(MonitorFormats.drift(Rows.launch(LaunchState.SUCCEEDED, "running", List.of(fail, warn)))).isEqualTo("1 FAIL · 1 WARN");
        assertThat(MonitorFormats.drift(Rows.launch(LaunchState.SUCCEEDED, "running", List.of(warn)))).isEqualTo("1 WARN");
        assertThat(MonitorFormats.drift(Rows.launch(LaunchState.SUCCEEDED, "stopped"))).as("not audited").isEqualTo(MonitorFormats.NONE);
        assertThat(MonitorFormats.driftRank(Rows.launch(LaunchState.SUCCEEDED, "running", List.of(fail))))
                .isGreaterThan(MonitorFormats.driftRank(Rows.launch(LaunchState.SUCCEEDED, "running", List.of(warn, warn))));
    }

    @Test
    void theStateIsEc2sOrElseTheJournals() {
        assertThat(MonitorFormats.state(Rows.launch(LaunchState.SUCCEEDED, "stopped"))).isEqualTo("stopped");
        assertThat(MonitorFormats.state(Rows.launch(LaunchState.DESTROYED, null))).isEqualTo("destroyed");
        assertThat(MonitorFormats.state(Rows.launch(LaunchState.ROLLBACK_INCOMPLETE, null))).isEqualTo("rollback-incomplete");
    }

    @Test
    void aReasonIsHangarsOwnWordsOrAwssWithoutAClassName() {
        assertThat(MonitorFormats.reason(new IllegalStateException(MonitorEngine.NOT_SIGNED_IN))).isEqualTo(MonitorEngine.NOT_SIGNED_IN);
        assertThat(MonitorFormats.reason(new NullPointerException("x"))).as("a bug stays recognisable").isEqualTo("NullPointerException: x");
    }

    private static Finding finding(Status status) {
        return new Finding("imdsv2-required", "IMDSv2 only", "why", Severity.HIGH, status, "detail", List.of("EC2.8"), Fix.manual("fix"));
    }
}
