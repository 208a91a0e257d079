package dev.hangar.ui.wizard;

import dev.hangar.spec.Show;
import dev.hangar.journal.LaunchState;
import dev.hangar.provision.Launch;
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
    private final LaunchViewModel model = new LaunchViewModel();
    private final AtomicReference<Launch> current = new AtomicReference<>();

    @FXML private ProgressBar launchProgress;
    @FXML private Label launchMessage;
    @FXML private Label progressText;
    @FXML private ListView<LaunchRow> launchSteps;
    @FXML private ListView<String> launchLog;
    @FXML private Button cancelButton;

    /**
     * @param spec    the reviewed spec, launched as it is when the step is entered
     * @param outcome where the launch's result goes, for the Done step
     */
    LaunchStepController(SessionModel session, ObservableValue<LaunchSpec> spec, ObjectProperty<LaunchOutcome> outcome, WizardServices services) {
        this.session = session;
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
        model.runningProperty().set(true);
        model.messageProperty().set("Preparing…");
        Tasks.create(() -> {
            Launch launch = launcher.prepare(reviewed, e -> services.executor().runOnUiThread(() -> model.on(e)));
            current.set(launch);
            services.executor().runOnUiThread(() -> model.start(launch.launchId(), launch.plan().steps()));
            return launch.run();
        })
                .onSuccess((LaunchOutcome done) -> outcome.set(done))
                .onError(InterruptedException.class, e -> model.failed("The launch was interrupted; run 'hangar status' to see what exists."))
                .onError(Exception.class, e -> model.failed("The launch could not run: " + Show.firstLine(e.getMessage())))
                .andFinally(() -> current.set(null))
                .runOn(services.executor());
    }

    @FXML
    void cancel() {
        Launch launch = current.get();
        if (launch != null) {
            model.messageProperty().set("Cancelling: no new step starts; what was created is removed…");
            launch.cancel();
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
