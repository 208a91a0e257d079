package dev.hangar.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.monitor.RunState.Phase;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The run's state from its latest state event, the instance's state and the idle alarm. */
class RunStateTest {

    private static final Instant BOOT = Instant.parse("2026-12-05T09:00:00Z");
    private static final Instant LATER = BOOT.plusSeconds(600);
    private static final IdleAlarm IDLE = new IdleAlarm("hangar-x-idle-stop", "ALARM", "idle", LATER, IdleAlarm.CPU_AND_GPUS);
    private static final IdleAlarm OK = new IdleAlarm("hangar-x-idle-stop", "OK", "busy", LATER, IdleAlarm.CPU_AND_GPUS);

    private static RunStateEvent event(String state, Integer exit) {
        return new RunStateEvent(state, exit, LATER);
    }

    @Test
    void aRunningMachineShowsTheLatestState() {
        assertThat(RunState.of(null, "pending", null, null, true).phase()).isEqualTo(Phase.WAITING_FOR_MACHINE);
        assertThat(RunState.of(null, "running", BOOT, OK, true).words()).isEqualTo("waiting for the machine to start the run");
        assertThat(RunState.of(event("setting-up", null), "running", BOOT, OK, true)).isEqualTo(new RunState(Phase.SETTING_UP, null, "setting up"));
        assertThat(RunState.of(event("running", null), "running", BOOT, OK, true)).isEqualTo(new RunState(Phase.RUNNING, null, "running"));
        assertThat(RunState.of(event("failed", 3), "running", BOOT, OK, false)).isEqualTo(new RunState(Phase.FAILED, 3, "failed (exit 3)"));
        assertThat(RunState.of(event("succeeded", 0), "running", BOOT, OK, true))
                .isEqualTo(new RunState(Phase.SUCCEEDED, 0, "succeeded; the machine is stopping itself"));
    }

    @Test
    void aStoppedMachineSaysWhyWhenTheRunKnows() {
        RunState done = RunState.of(event("succeeded", 0), "stopped", BOOT, OK, true);
        assertThat(done).isEqualTo(new RunState(Phase.STOPPED_WHEN_DONE, 0, "stopped when the run ended (succeeded)"));
        assertThat(done.stopReason()).hasValue("stopped when the run ended (succeeded)");
        assertThat(RunState.of(event("failed", 137), "stopping", BOOT, null, true).words()).isEqualTo("stopped when the run ended (failed (exit 137))");

        RunState idle = RunState.of(event("running", null), "stopped", BOOT, IDLE, true);
        assertThat(idle.phase()).isEqualTo(Phase.STOPPED_BY_IDLE);
        assertThat(idle.words()).isEqualTo("stopped by idle (the idle-stop alarm); the run had reached: running");
        assertThat(idle.stopReason()).isPresent();

        RunState byHand = RunState.of(event("running", null), "stopped", BOOT, OK, true);
        assertThat(byHand.phase()).as("stopped by someone mid-run: the unit starts it again with the machine").isEqualTo(Phase.WAITING_FOR_MACHINE);
        assertThat(byHand.words()).isEqualTo("waiting for the machine: it is stopped; the run starts again when it starts");
        assertThat(byHand.stopReason()).isEmpty();

        assertThat(RunState.of(event("succeeded", 0), "stopped", BOOT, OK, false))
                .isEqualTo(new RunState(Phase.SUCCEEDED, 0, "succeeded; the machine was stopped"));
    }

    @Test
    void aStateFromBeforeARestartIsStale() {
        Instant restarted = LATER.plusSeconds(60);
        assertThat(RunState.of(event("running", null), "running", restarted, OK, true).words())
                .isEqualTo("waiting for the run to start again after a restart");
        assertThat(RunState.of(event("failed", 1), "running", restarted, OK, false).phase()).as("an end stays an end").isEqualTo(Phase.FAILED);
    }

    @Test
    void withoutTheInstanceOnlyAnEndIsKnown() {
        assertThat(RunState.of(event("succeeded", 0), "terminated", null, null, true).phase()).isEqualTo(Phase.SUCCEEDED);
        assertThat(RunState.of(event("running", null), MonitoredInstance.NOT_FOUND, null, null, true))
                .isEqualTo(new RunState(Phase.UNKNOWN, null, "unknown: the instance is not-found"));
        assertThat(RunState.of(null, null, null, null, true).words()).isEqualTo("unknown: the instance's state could not be read");
        assertThat(RunState.of(event("rebooting", null), "running", BOOT, OK, true).phase()).isEqualTo(Phase.UNKNOWN);
        assertThat(Phase.STOPPED_BY_IDLE.wireName()).isEqualTo("stopped-by-idle");
    }

    @Test
    void stateLinesAreReadLeniently() {
        assertThat(RunStateEvent.parse("{\"state\":\"failed\",\"exitCode\":2,\"time\":\"2026-12-05T09:10:00Z\"}", BOOT))
                .hasValue(new RunStateEvent("failed", 2, LATER));
        assertThat(RunStateEvent.parse("{\"state\":\"running\",\"exitCode\":null}", BOOT)).hasValue(new RunStateEvent("running", null, BOOT));
        assertThat(RunStateEvent.parse("{\"state\":\"running\",\"time\":\"yesterday\"}", BOOT)).hasValue(new RunStateEvent("running", null, BOOT));
        assertThat(RunStateEvent.parse("{\"state\":\"failed\",\"exitCode\":null,\"time\":\"2026-12-05T09:10:00Z\",\"reason\":\"no code\"}", BOOT))
                .hasValueSatisfying(e -> assertThat(e.words()).isEqualTo("failed: no code"));
        assertThat(RunStateEvent.parse("starting", BOOT)).isEmpty();
        assertThat(RunStateEvent.parse("[1]", BOOT)).isEmpty();
    }

    @Test
    void sinceTakesDurationsAgoAndTimes() {
        Instant now = Instant.parse("2026-12-05T12:00:00Z");
        assertThat(LogSince.parse("30m", now)).isEqualTo(Instant.parse("2026-12-05T11:30:00Z"));
        assertThat(LogSince.parse("1h", now)).isEqualTo(Instant.parse("2026-12-05T11:00:00Z"));
        assertThat(LogSince.parse("2d", now)).isEqualTo(Instant.parse("2026-12-03T12:00:00Z"));
        assertThat(LogSince.parse("45s", now)).isEqualTo(Instant.parse("2026-12-05T11:59:15Z"));
        assertThat(LogSince.parse("2026-12-05T09:30:00Z", now)).isEqualTo(Instant.parse("2026-12-05T09:30:00Z"));
        assertThat(LogSince.parse("2026-12-05T10:30:00+01:00", now)).isEqualTo(Instant.parse("2026-12-05T09:30:00Z"));
        assertThat(LogSince.parse("2026-12-04", now)).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogSince.parse("an hour", now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--since 'an hour'");
    }
}
