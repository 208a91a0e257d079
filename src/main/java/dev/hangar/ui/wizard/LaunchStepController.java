package dev.hangar.ui.wizard;

import dev.hangar.spec.Show;
import dev.hangar.journal.LaunchState;
import dev.hangar.journal.JournalStore;
import dev.hangar.provision.Launch;
import dev.hangar.provision.LaunchEvent;
import dev.hangar.provision.LaunchListener;
import dev.hangar.provision.LaunchOutcome;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.ui.concurrent.Tasks;
import dev.hangar.ui.session.SessionModel;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;

/**
 * Runs the launch in the background and shows it live: each step's state, the progress, a log, and on a
 * failure or Cancel the rollback step by step. The FX thread only receives events; it never waits on AWS.
 */
final class LaunchStepController implements StepController {

    private final SessionModel session;
    private final ObservableValue<LaunchSpec> spec;
    private final ObjectProperty<LaunchOutcome> outcome;
    private final WizardServices services;
    private final LaunchViewModel model;
    /** Shows Done; called once a launch has succeeded (a failure stays here, to show the rollback). */
    private final Runnable onLaunched;

    @FXML private ProgressBar launchProgress;
    @FXML private Label launchMessage;
    @FXML private Label progressText;
    @FXML private ListView<LaunchRow> launchSteps;
    @FXML private ListView<String> launchLog;
    @FXML private Button cancelButton;

    /**
     * @param spec    the reviewed spec, launched as it is when the step is entered
     * @param outcome where the launch's result goes, for the Done step
     * @param model   the launch as shown, shared with the window, whose close request cancels it
     * @param onLaunched moves on to Done once the launch has succeeded
     */
    LaunchStepController(SessionModel session, ObservableValue<LaunchSpec> spec, ObjectProperty<LaunchOutcome> outcome, LaunchViewModel model,
            WizardServices services, Runnable onLaunched) {
        this.onLaunched = onLaunched;
        this.session = session;
        this.model = model;
        this.spec = spec;
        this.outcome = outcome;
        this.services = services;
    }

    @FXML
    private void initialize() {
        launchSteps.setItems(model.rows());
        launchSteps.setCellFactory(list -> new RowCell());
        launchLog.setItems(model.log());
        model.log().addListener((javafx.collections.ListChangeListener<String>) c -> launchLog.scrollTo(model.log().size() - 1));
        launchProgress.progressProperty().bind(model.progressProperty());
        launchMessage.textProperty().bind(model.messageProperty());
        progressText.textProperty().bind(model.progressTextProperty());
        cancelButton.disableProperty().bind(model.runningProperty().not().or(model.rollingBackProperty()));
        model.finishedProperty().addListener((obs, old, end) -> {
            launchMessage.getStyleClass().removeAll("status-ok", "status-warn");
            if (end != null) {
                launchMessage.getStyleClass().add(end == LaunchState.SUCCEEDED ? "status-ok" : "status-warn");
            }
        });
    }

    @Override
    public BooleanExpression canProceed() {
        return Bindings.createBooleanBinding(model::succeeded, model.finishedProperty());
    }

    /** Back to the review only after a launch ended without an instance; never while one runs or once it exists. */
    @Override
    public BooleanExpression canGoBack() {
        return Bindings.createBooleanBinding(() -> model.finishedProperty().get() != null && !model.succeeded(), model.finishedProperty());
    }

    @Override
    public void entered() {
        if (model.runningProperty().get() || model.succeeded()) {
            return;
        }
        LaunchSpec reviewed = spec.getValue();
        var launcher = services.engine().launcher(session.clients().orElseThrow(() -> new IllegalStateException("no session: Launch is disabled in plan-only mode")));
        outcome.set(null);
        model.begin();
        JournalStore journal = services.engine().journal();
        Tasks.create(() -> {
            AtomicReference<Launch> prepared = new AtomicReference<>();
            LaunchListener events = e -> {
                // The rollback's start does not say how much there is to remove; the journal, written just before it, does.
                int toRemove = e instanceof LaunchEvent.RollbackStarted ? resourcesOf(journal, prepared.get()) : -1;
                services.executor().runOnUiThread(() -> {
                    model.on(e);
                    if (toRemove >= 0) {
                        model.rollbackSize(toRemove);
                    }
                });
            };
            Launch launch = launcher.prepare(reviewed, events);
            prepared.set(launch);
            services.executor().runOnUiThread(() -> model.start(launch.launchId(), launch.plan().steps()));
            model.attach(launch);
            return launch.run();
        })
                .onSuccess((LaunchOutcome done) -> {
                    outcome.set(done);
                    if (done.succeeded()) {
                        onLaunched.run(); // nothing left to do here: a click on Next would only be a dead end
                    }
                })
                .onError(InterruptedException.class, e -> model.failed("The launch was interrupted; run 'hangar status' to see what exists."))
                .onError(Exception.class, e -> model.failed("The launch could not run: " + Show.firstLine(e.getMessage())))
                .andFinally(model::detach)
                .busy(model.activeProperty())
                .runOn(services.executor());
    }

    @FXML
    void cancel() {
        model.cancel();
    }

    /** Worker thread; 0 when the journal cannot say, which only makes the count vaguer. */
    private static int resourcesOf(JournalStore journal, Launch launch) {
        try {
            return launch == null ? 0 : journal.load(launch.launchId()).map(r -> r.liveResourcesNewestFirst().size()).orElse(0);
        } catch (RuntimeException unreadable) {
            return 0;
        }
    }

    private static final class RowCell extends ListCell<LaunchRow> {
        RowCell() {
            setWrapText(true);
            setPrefWidth(0); // wrap long details instead of scrolling sideways
        }

        @Override
        protected void updateItem(LaunchRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeIf(c -> c.startsWith("row-"));
            if (empty || row == null) {
                setText(null);
                return;
            }
            setText(row.state().symbol + "  " + row.title() + (row.detail().isEmpty() ? "" : "  —  " + row.detail()));
            getStyleClass().add("row-" + row.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
    }
}
