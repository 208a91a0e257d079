package dev.hangar.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.ui.CloseGuard.Decision;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import org.junit.jupiter.api.Test;

/** What a close request does while work runs, without a window. */
class CloseGuardTest {

    /** Work whose state the test sets. */
    private static final class FakeWork implements CloseGuard.Work {
        final BooleanProperty active = new SimpleBooleanProperty();
        final StringProperty line = new SimpleStringProperty("Destroying llama…");
        boolean cancellable;
        int cancels;

        public ObservableBooleanValue activeProperty() { return active; }
        public boolean cancellable() { return cancellable; }
        public void cancel() { cancels++; }
        public ObservableStringValue stillRunningProperty() { return line; }
    }

    private final FakeWork work = new FakeWork();
    private final CloseGuard guard = new CloseGuard(work);
    private final AtomicInteger closed = new AtomicInteger();

    {
        guard.onClose(closed::incrementAndGet);
    }

    @Test
    void withNothingRunningTheWindowClosesAsAlways() {
        assertThat(guard.closeRequested()).isEqualTo(Decision.CLOSE);
        assertThat(guard.closingProperty().get()).isFalse();
    }

    @Test
    void cancellableWorkIsCancelledOnlyOnceConfirmedAndTheWindowClosesWhenItEnded() {
        work.active.set(true);
        work.cancellable = true;
        assertThat(guard.closeRequested()).isEqualTo(Decision.CONFIRM);
        assertThat(work.cancels).as("asking cancels nothing").isZero();

        guard.confirmed();
        assertThat(work.cancels).isEqualTo(1);
        assertThat(guard.closingProperty().get()).isTrue();
        assertThat(guard.closeRequested()).as("a second close, while it undoes itself").isEqualTo(Decision.WAIT);
        assertThat(closed).hasValue(0);

        work.active.set(false);
        assertThat(closed).hasValue(1);
        assertThat(guard.closingProperty().get()).isFalse();
    }

    @Test
    void declinedNothingChangesAndTheWindowDoesNotCloseWhenTheWorkEnds() {
        work.active.set(true);
        work.cancellable = true;
        assertThat(guard.closeRequested()).isEqualTo(Decision.CONFIRM);
        work.active.set(false);
        assertThat(work.cancels).isZero();
        assertThat(closed).hasValue(0);
    }

    @Test
    void confirmedAfterTheWorkEndedCancelsNothingAndKeepsTheWindow() {
        work.active.set(true);
        work.cancellable = true;
        guard.closeRequested();
        work.active.set(false);
        guard.confirmed();
        assertThat(work.cancels).isZero();
        assertThat(closed).hasValue(0);
    }

    @Test
    void workThatCannotBeCancelledIsWaitedForAndTheWindowClosesAfterIt() {
        work.active.set(true);
        assertThat(guard.closeRequested()).isEqualTo(Decision.WAIT);
        assertThat(work.cancels).isZero();
        assertThat(closed).hasValue(0);
        work.active.set(false);
        assertThat(closed).hasValue(1);
        work.active.set(true);
        work.active.set(false);
        assertThat(closed).as("a later action does not close the window again").hasValue(1);
    }
}
