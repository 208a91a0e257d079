package dev.hangar.ui.wizard;

import dev.hangar.journal.LaunchState;
import dev.hangar.provision.Launch;
import dev.hangar.provision.LaunchEvent;
import dev.hangar.provision.Step;
import dev.hangar.ui.CloseGuard;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The launch as the UI shows it, fed one engine event at a time on the UI thread: each plan step's
 * state, the rollback step by step, the overall progress and a log. It holds the running launch, so that
 * Cancel and closing the window (as a {@link CloseGuard.Work}) cancel it. No window needed to test it.
 */
final class LaunchViewModel implements CloseGuard.Work {

    private final ObservableList<LaunchRow> rows = FXCollections.observableArrayList(
            r -> new javafx.beans.Observable[] {r.stateProperty(), r.detailProperty()});
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty rollingBack = new SimpleBooleanProperty();
    private final ObjectProperty<LaunchState> finished = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty progressText = new SimpleStringProperty("");
    /** From the start of the background work until it returned: closing the window before then would interrupt it. */
    private final BooleanProperty active = new SimpleBooleanProperty();
    private final BooleanProperty cancelling = new SimpleBooleanProperty();
    /** What the rollback has to remove, and how many of those it has dealt with (removed, kept or failed). */
    private final IntegerProperty toRemove = new SimpleIntegerProperty();
    private final IntegerProperty removalsDone = new SimpleIntegerProperty();
    private final StringBinding stillRunning = Bindings.createStringBinding(this::describeStillRunning, rollingBack, cancelling,
            toRemove, removalsDone, progressText);
    /** Set on the worker once prepared; a cancel that came before is passed on then (both sides are atomic). */
    private final AtomicReference<Launch> launch = new AtomicReference<>();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    ObservableList<LaunchRow> rows() { return rows; }
    ObservableList<String> log() { return log; }
    DoubleProperty progressProperty() { return progress; }
    BooleanProperty runningProperty() { return running; }
    BooleanProperty rollingBackProperty() { return rollingBack; }
    ObjectProperty<LaunchState> finishedProperty() { return finished; }
    StringProperty messageProperty() { return message; }
    StringProperty progressTextProperty() { return progressText; }
    BooleanProperty cancellingProperty() { return cancelling; }

    /** A new launch is being prepared: nothing of the last one's cancel carries over. UI thread. */
    void begin() {
        cancelRequested.set(false);
        cancelling.set(false);
        launch.set(null);
        toRemove.set(0);
        removalsDone.set(0);
        running.set(true);
        message.set("Preparing…");
    }

    /** The launch is prepared and about to run. Worker thread. */
    void attach(Launch prepared) {
        launch.set(prepared);
        if (cancelRequested.get()) {
            prepared.cancel(); // cancelled while it was being prepared: it rolls back (nothing exists yet) instead of running
        }
    }

    /** The background work ended, however it ended. */
    void detach() {
        launch.set(null);
    }

    /** Cancel, or closing the window: no new step starts, and what was created is removed. UI thread. */
    @Override
    public void cancel() {
        if (!running.get() || cancelRequested.getAndSet(true)) {
            return;
        }
        cancelling.set(true);
        message.set("Cancelling: no new step starts; what was created is removed…");
        Launch now = launch.get();
        if (now != null) {
            now.cancel();
        }
    }

    /** How much the rollback that just started has to remove, read from the journal (the event does not say). */
    void rollbackSize(int resources) {
        toRemove.set(resources);
    }

    @Override
    public BooleanProperty activeProperty() {
        return active;
    }

    /** Closing asks (and cancels) only while the launch goes forward; once it is cancelled or rolling back, it waits. */
    @Override
    public boolean cancellable() {
        return active.get() && running.get() && !cancelling.get() && !rollingBack.get();
    }

    @Override
    public StringBinding stillRunningProperty() {
        return stillRunning;
    }

    private String describeStillRunning() {
        if (rollingBack.get()) {
            int total = toRemove.get();
            return total == 0 ? "Removing what the launch created…"
                    : "Removing what the launch created: " + Math.max(0, total - removalsDone.get()) + " of " + total + " left…";
        }
        if (cancelling.get()) {
            return "Cancelling the launch: the steps under way finish first, then what was created is removed…";
        }
        return "Launching: " + progressText.get() + " done…";
    }

    /** Forgets the last launch (the instance it made lives on in the monitor): the Launch step starts afresh. UI thread. */
    void clear() {
        rows.clear();
        log.clear();
        progress.set(0);
        progressText.set("");
        message.set("");
        finished.set(null);
        rollingBack.set(false);
        cancelling.set(false);
        running.set(false);
    }

    /** A new launch: every step pending. */
    void start(String launchId, List<Step> steps) {
        rows.setAll(steps.stream().map(s -> new LaunchRow(s.id(), s.title(), LaunchRow.State.PENDING)).toList());
        log.setAll("Launch " + launchId + ": " + steps.size() + " steps");
        progress.set(0);
        progressText.set("0 of " + steps.size() + " steps");
        finished.set(null);
        rollingBack.set(false);
        if (!cancelling.get()) {
            message.set("Launching…");
        }
        running.set(true);
    }

    void on(LaunchEvent event) {
        if (!(event instanceof LaunchEvent.Progress)) {
            log.add(event.describe()); // the bar shows progress; a line per step done would drown the log
        }
        if (event instanceof LaunchEvent.StepStarted e) {
            step(e.stepId(), LaunchRow.State.RUNNING, "");
        } else if (event instanceof LaunchEvent.StepWaiting e) {
            step(e.stepId(), LaunchRow.State.WAITING, e.message());
        } else if (event instanceof LaunchEvent.StepSucceeded e) {
            step(e.stepId(), LaunchRow.State.DONE, e.detail());
        } else if (event instanceof LaunchEvent.StepFailed e) {
            step(e.stepId(), LaunchRow.State.FAILED, e.message());
        } else if (event instanceof LaunchEvent.Progress e) {
            progress.set(e.fraction());
            progressText.set(e.done() + " of " + e.total() + " steps");
        } else if (event instanceof LaunchEvent.RollbackStarted e) {
            rollingBack.set(true);
            message.set("Rolling back: " + e.reason());
            rows.stream().filter(r -> r.state() == LaunchRow.State.PENDING || r.state() == LaunchRow.State.RUNNING
                    || r.state() == LaunchRow.State.WAITING).forEach(r -> r.set(LaunchRow.State.SKIPPED, "not run"));
            rows.add(new LaunchRow("rollback", "Rolling back — removing what was created, newest first", LaunchRow.State.ROLLBACK));
        } else if (event instanceof LaunchEvent.ResourceRemoved e) {
            removalsDone.set(removalsDone.get() + 1);
            resource(LaunchRow.State.REMOVED, "Removed " + e.type() + " " + e.id(), "");
        } else if (event instanceof LaunchEvent.ResourceKept e) {
            removalsDone.set(removalsDone.get() + 1);
            resource(LaunchRow.State.KEPT, "Kept " + e.type() + " " + e.id(), "");
        } else if (event instanceof LaunchEvent.ResourceRemovalFailed e) {
            removalsDone.set(removalsDone.get() + 1);
            resource(LaunchRow.State.REMOVAL_FAILED, "Could not remove " + e.type() + " " + e.id(), e.message());
        } else if (event instanceof LaunchEvent.Finished e) {
            finish(e.state(), e.message());
        }
    }

    /** The launch could not start or crashed outside the engine's own handling. */
    void failed(String why) {
        log.add(why);
        finish(LaunchState.ROLLBACK_INCOMPLETE, why);
    }

    boolean succeeded() {
        return finished.get() == LaunchState.SUCCEEDED;
    }

    private void finish(LaunchState state, String text) {
        finished.set(state);
        message.set(text);
        running.set(false);
        if (state == LaunchState.SUCCEEDED) {
            progress.set(1);
        }
    }

    private void step(String id, LaunchRow.State state, String detail) {
        rows.stream().filter(r -> r.id().equals(id)).findFirst().ifPresent(r -> r.set(state, detail));
    }

    private void resource(LaunchRow.State state, String title, String detail) {
        LaunchRow row = new LaunchRow("resource-" + rows.size(), title, state);
        row.detailProperty().set(detail);
        rows.add(row);
    }
}
