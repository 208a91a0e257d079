package dev.hangar.ui.monitor;

import dev.hangar.auth.AwsSession;
import dev.hangar.journal.LaunchState;
import dev.hangar.monitor.ActionOutcome;
import dev.hangar.monitor.InstanceActions;
import dev.hangar.monitor.MonitoredInstance;
import dev.hangar.provision.LaunchEvent;
import dev.hangar.provision.LaunchListener;
import dev.hangar.ui.CloseGuard;
import dev.hangar.ui.concurrent.TaskExecutor;
import dev.hangar.ui.concurrent.Tasks;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.stage.Window;

/**
 * Runs one instance action at a time: asks for confirmation, runs it on the task executor (the engine
 * holds the launch's lock and writes the journal), and turns its events into one log line. As a {@link CloseGuard.Work}
 * it keeps the window open while an action runs: closing would quit the app and interrupt, say, a destroy half-way.
 */
final class ActionRunner implements CloseGuard.Work {

    private final MonitorEngine engine;
    private final TaskExecutor executor;
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty line = new SimpleStringProperty("");
    /** How the last action ended: true, false, or null while one runs or before any. */
    private final ObjectProperty<Boolean> succeeded = new SimpleObjectProperty<>();
    /** The running action, e.g. "Destroy llama". */
    private final StringProperty action = new SimpleStringProperty("");
    private final StringBinding stillRunning = Bindings.createStringBinding(() -> action.get() + " is still running"
            + (line.get().equals(action.get() + "…") ? "…" : ": " + line.get()), action, line);

    private record Result(boolean succeeded, String message) {
        static Result of(ActionOutcome o) {
            return new Result(o.succeeded(), o.message());
        }
    }

    ActionRunner(MonitorEngine engine, TaskExecutor executor) {
        this.engine = engine;
        this.executor = executor;
    }

    BooleanProperty runningProperty() {
        return running;
    }

    StringProperty lineProperty() {
        return line;
    }

    ObjectProperty<Boolean> succeededProperty() {
        return succeeded;
    }

    @Override
    public BooleanProperty activeProperty() {
        return running;
    }

    /** The engine's instance actions cannot be cancelled half-way: closing waits for them. */
    @Override
    public boolean cancellable() {
        return false;
    }

    @Override
    public void cancel() {
        throw new UnsupportedOperationException("an instance action runs to its end");
    }

    @Override
    public StringBinding stillRunningProperty() {
        return stillRunning;
    }

    /**
     * Confirms with the user, then runs the action in the background.
     *
     * @param done called on the FX thread when the action ended, however it ended
     */
    void run(Window owner, MonitorAction action, MonitoredInstance i, AwsSession session, Runnable done) {
        if (running.get() || !action.allowed(i)) {
            return;
        }
        ActionDialogs.DestroyChoice destroy = null;
        if (action == MonitorAction.DESTROY) {
            var chosen = ActionDialogs.destroy(owner, i);
            if (chosen.isEmpty()) {
                return;
            }
            destroy = chosen.get();
        } else if (!ActionDialogs.confirm(owner, action, i)) {
            return;
        }
        String launchId = i.launchId();
        ActionDialogs.DestroyChoice choice = destroy;
        running.set(true);
        succeeded.set(null);
        this.action.set(action.label() + " " + i.name());
        line.set(action.label() + " " + i.name() + "…");
        LaunchListener events = e -> executor.runOnUiThread(() -> {
            if (!(e instanceof LaunchEvent.Progress)) {
                line.set(e.describe().strip());
            }
        });
        Tasks.create(() -> {
            InstanceActions actions = engine.actions(session);
            return switch (action) {
                case STOP -> Result.of(actions.stop(launchId, events));
                case START -> Result.of(actions.start(launchId, events));
                case REBOOT -> Result.of(actions.reboot(launchId, events));
                case DESTROY -> {
                    var outcome = actions.destroy(launchId, choice.keepDataVolume(), choice.snapshotFirst(), events);
                    yield new Result(outcome.state() == LaunchState.DESTROYED, outcome.message());
                }
            };
        })
                .onSuccess(r -> end(r.succeeded(), r.message()))
                // The launch is busy elsewhere, its journal is damaged, not signed in: the reason, as the engine words it.
                .onError(Exception.class, e -> end(false, action.label() + " failed: " + MonitorFormats.reason(e)))
                .andFinally(() -> {
                    running.set(false);
                    done.run();
                })
                .runOn(executor);
    }

    private void end(boolean ok, String message) {
        line.set(message);
        succeeded.set(ok);
    }
}
