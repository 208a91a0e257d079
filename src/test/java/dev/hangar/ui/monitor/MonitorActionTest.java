package dev.hangar.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.journal.LaunchState;
import dev.hangar.monitor.MonitoredInstance;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Which buttons make sense for which row: no window needed. */
class MonitorActionTest {

    @Test
    void aRunningLaunchCanBeStoppedRebootedAndDestroyedNotStarted() {
        MonitoredInstance running = Rows.launch(LaunchState.SUCCEEDED, "running");
        assertThat(MonitorAction.STOP.allowed(running)).isTrue();
        assertThat(MonitorAction.REBOOT.allowed(running)).isTrue();
        assertThat(MonitorAction.DESTROY.allowed(running)).isTrue();
        assertThat(MonitorAction.START.whyNot(running)).contains("running");
    }

    @Test
    void aStoppedLaunchCanBeStartedAndDestroyed() {
        MonitoredInstance stopped = Rows.launch(LaunchState.SUCCEEDED, "stopped");
        assertThat(MonitorAction.START.allowed(stopped)).isTrue();
        assertThat(MonitorAction.DESTROY.allowed(stopped)).isTrue();
        assertThat(MonitorAction.STOP.allowed(stopped)).isFalse();
        assertThat(MonitorAction.REBOOT.allowed(stopped)).isFalse();
    }

    @Test
    void whileStoppingOrStartingOnlyDestroyIsOffered() {
        for (String between : new String[] {"stopping", "shutting-down"}) {
            MonitoredInstance row = Rows.launch(LaunchState.SUCCEEDED, between);
            assertThat(Arrays.stream(MonitorAction.values()).filter(a -> a.allowed(row))).containsExactly(MonitorAction.DESTROY);
        }
        assertThat(MonitorAction.STOP.allowed(Rows.launch(LaunchState.SUCCEEDED, "pending"))).as("a start can be undone").isTrue();
    }

    @Test
    void aLaunchWhoseInstanceIsGoneCanStillBeDestroyedToRemoveTheRest() {
        MonitoredInstance gone = Rows.launch(LaunchState.DESTROY_INCOMPLETE, MonitoredInstance.NOT_FOUND);
        assertThat(MonitorAction.DESTROY.allowed(gone)).isTrue();
        assertThat(MonitorAction.START.allowed(gone)).isFalse();
    }

    @Test
    void anEndedLaunchOrAnInstanceNotInTheJournalOffersNothing() {
        for (MonitoredInstance row : new MonitoredInstance[] {Rows.launch(LaunchState.DESTROYED, null),
            Rows.launch(LaunchState.ROLLED_BACK, null), Rows.untracked("running")}) {
            assertThat(Arrays.stream(MonitorAction.values()).filter(a -> a.allowed(row))).isEmpty();
        }
        assertThat(MonitorAction.STOP.whyNot(Rows.untracked("running"))).contains("hangar sweep");
        assertThat(MonitorAction.DESTROY.whyNot(Rows.launch(LaunchState.DESTROYED, null))).contains("destroyed");
        assertThat(MonitorAction.STOP.whyNot(null)).isEqualTo("Select an instance.");
    }
}
