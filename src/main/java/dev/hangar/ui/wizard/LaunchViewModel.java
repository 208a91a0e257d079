package dev.hangar.ui.wizard;

import dev.hangar.journal.LaunchState;
import dev.hangar.provision.LaunchEvent;
import dev.hangar.provision.Step;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The launch as the UI shows it, fed one engine event at a time on the UI thread: each plan step's
 * state, the rollback step by step, the overall progress and a log. No window needed to test it.
 */
final class LaunchViewModel {

    private final ObservableList<LaunchRow> rows = FXCollections.observableArrayList(
            r -> new javafx.beans.Observable[] {r.stateProperty(), r.detailProperty()});
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty rollingBack = new SimpleBooleanProperty();
    private final ObjectProperty<LaunchState> finished = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty progressText = new SimpleStringProperty("");

    ObservableList<LaunchRow> rows() { return rows; }
    ObservableList<String> log() { return log; }
    DoubleProperty progressProperty() { return progress; }
    BooleanProperty runningProperty() { return running; }
    BooleanProperty rollingBackProperty() { return rollingBack; }
    ObjectProperty<LaunchState> finishedProperty() { return finished; }
    StringProperty messageProperty() { return message; }
    StringProperty progressTextProperty() { return progressText; }

    /** A new launch: every step pending. */
    void start(String launchId, List<Step> steps) {
        rows.setAll(steps.stream().map(s -> new LaunchRow(s.id(), s.title(), LaunchRow.State.PENDING)).toList());
        log.setAll("Launch " + launchId + ": " + steps.size() + " steps");
        progress.set(0);
        progressText.set("0 of " + steps.size() + " steps");
        finished.set(null);
        rollingBack.set(false);
        message.set("Launching…");
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
            resource(LaunchRow.State.REMOVED, "Removed " + e.type() + " " + e.id(), "");
        } else if (event instanceof LaunchEvent.ResourceKept e) {
            resource(LaunchRow.State.KEPT, "Kept " + e.type() + " " + e.id(), "");
        } else if (event instanceof LaunchEvent.ResourceRemovalFailed e) {
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
