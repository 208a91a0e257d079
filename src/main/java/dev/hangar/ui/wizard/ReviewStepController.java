package dev.hangar.ui.wizard;

import dev.hangar.blueprint.IamPolicies;
import dev.hangar.spec.Show;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.checklist.Finding;
import dev.hangar.checklist.Status;
import dev.hangar.export.ExportFormat;
import dev.hangar.export.ExportInput;
import dev.hangar.export.Exporters;
import dev.hangar.blueprint.Blueprint;
import dev.hangar.preflight.PreflightCheck;
import dev.hangar.review.EvidenceFactory;
import dev.hangar.review.LaunchReview;
import dev.hangar.review.LaunchSummary;
import dev.hangar.catalog.ImageInfo;
import dev.hangar.review.NetworkDiagram;
import dev.hangar.spec.InvalidSpecException;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.SpecProblem;
import dev.hangar.ui.FindingCell;
import dev.hangar.ui.concurrent.TaskHandle;
import dev.hangar.ui.concurrent.Tasks;
import dev.hangar.ui.session.SessionModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.event.ActionEvent;
import javafx.geometry.VPos;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/**
 * The review before launch: the security checklist with its one-click fixes, where the machine sits, the
 * preflight, the IAM policy, the cost and the exports. Launch (the frame's Next) is enabled only when the review allows it.
 */
final class ReviewStepController implements StepController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SessionModel session;
    private final SpecDraft draft;
    private final ObjectProperty<LaunchReview> review;
    private final BooleanProperty processing;
    private final WizardServices services;
    private final ObservableValue<List<ImageInfo>> listed;
    /** The review under way; a new one (a fix applied, the step entered again) replaces it. */
    private TaskHandle reviewing = TaskHandle.none();

    @FXML private GridPane launchSummary;
    @FXML private Label reviewSummary;
    @FXML private Label costLabel;
    @FXML private ListView<Finding> checklistList;
    @FXML private ListView<PreflightCheck> preflightList;
    @FXML private TextArea policyArea;
    @FXML private Label launchBlockedReason;
    @FXML private FlowPane exportButtons;
    @FXML private Label exportStatus;
    @FXML private Label networkPlace;
    @FXML private GridPane networkRoutes;
    @FXML private Label networkCost;

    /**
     * @param draft      the spec reviewed; a checklist fix replaces it
     * @param review     where the review goes; Launch needs one for the spec as it is now
     * @param processing the wizard's busy flag
     * @param listed     the images the Machine image step listed: a fix for an image that does not fit offers those that do
     */
    ReviewStepController(SessionModel session, SpecDraft draft, ObjectProperty<LaunchReview> review, BooleanProperty processing,
            ObservableValue<List<ImageInfo>> listed, WizardServices services) {
        this.session = session;
        this.draft = draft;
        this.review = review;
        this.processing = processing;
        this.listed = listed;
        this.services = services;
    }

    @FXML
    private void initialize() {
        checklistList.setCellFactory(list -> new FindingCell(this::applyFix));
        preflightList.setCellFactory(list -> new PreflightCell());
        preflightList.setPlaceholder(new Label("Plan-only mode: preflight needs an AWS account."));
        exportButtons.disableProperty().bind(review.isNull().or(processing));
        launchBlockedReason.visibleProperty().bind(launchBlockedReason.textProperty().isNotEmpty());
        launchBlockedReason.managedProperty().bind(launchBlockedReason.visibleProperty());
    }

    @Override
    public BooleanExpression canProceed() {
        // A cluster is ParallelCluster's to create (hangar cluster create), not this wizard's one-machine launch.
        return Bindings.createBooleanBinding(() -> review.get() != null && review.get().launchable() && review.get().cluster().isEmpty()
                && session.clients().isPresent() && review.get().spec().equals(draft.spec()), review, draft.specBinding(), session.sessionProperty());
    }

    @Override
    public void entered() {
        runReview();
    }

    private void runReview() {
        reviewing.cancel();
        LaunchSpec spec = draft.spec();
        var reviewer = services.engine().reviewer(session.clients());
        review.set(null);
        reviewSummary.setText("Checking " + spec.name() + (session.clients().isPresent() ? " against your account…" : " offline…"));
        launchBlockedReason.setText("");
        List<ImageInfo> images = listed.getValue() == null ? List.of() : listed.getValue();
        launchSummary.getChildren().clear();
        reviewing = Tasks.create(() -> reviewer.review(spec, images))
                .busy(processing)
                .onSuccess(this::show)
                .onError(InvalidSpecException.class, e -> invalid(e.problems()))
                .onError(Exception.class, e -> blocked("The review failed: " + Show.firstLine(e.getMessage())))
                .runOn(services.executor());
    }

    private void show(LaunchReview result) {
        review.set(result);
        showSummary(result.summary());
        var counts = result.checklist().counts();
        reviewSummary.setText("Security checklist: " + counts.get(Status.PASS) + " pass · " + counts.get(Status.WARN) + " warn · "
                + counts.get(Status.FAIL) + " fail" + result.preflight().map(p -> "    Preflight: " + (p.passed() ? "passed" : "FAILED")).orElse(""));
        costLabel.setText("Cost: " + result.cost().summary());
        // Failures first: they are what stands between the researcher and Launch.
        checklistList.getItems().setAll(result.checklist().findings().stream()
                .sorted(Comparator.comparing((Finding f) -> f.status() == Status.FAIL ? 0 : f.status() == Status.WARN ? 1 : 2)).toList());
        preflightList.getItems().setAll(result.preflight().map(p -> p.checks()).orElse(List.of()));
        policyArea.setText("Trust policy — only EC2 may use the role\n" + pretty(result.trustPolicy())
                + "\n\nData access policy — " + result.spec().dataBucket() + "\n" + pretty(result.dataAccessPolicy())
                + "\n\nCloudWatch agent policy — metrics in " + IamPolicies.AGENT_NAMESPACE + " only\n" + pretty(result.agentPolicy())
                + "\n\nAWS managed policies\n" + (result.managedPolicies().isEmpty() ? "  none" : result.managedPolicies().stream()
                        .map(a -> "  " + a + "\n    " + IamPolicies.grants(a)).collect(Collectors.joining("\n"))));
        launchBlockedReason.setText(result.blockedBecause().isPresent() || result.cluster().isEmpty() ? LaunchBlockedBanner.text(result)
                : "A cluster is created by AWS ParallelCluster, not launched here: save the spec and run hangar cluster create --spec <file>.");
        showNetwork(result);
    }

    /** What will be launched, a row per part: the label in a column, the value wrapping rather than cut off. */
    private void showSummary(LaunchSummary summary) {
        launchSummary.getChildren().clear();
        int row = 0;
        for (LaunchSummary.Row r : summary.rows()) {
            Label label = new Label(r.label());
            label.getStyleClass().add("summary-label");
            label.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(r.value());
            value.setId("summary-" + r.label().toLowerCase(java.util.Locale.ROOT));
            value.getStyleClass().add("summary-value");
            value.setWrapText(true);
            value.setMinHeight(Region.USE_PREF_SIZE);
            GridPane.setValignment(label, VPos.TOP);
            launchSummary.addRow(row++, label, value);
        }
    }

    /** The diagram as labelled rows: the route in monospace, its meaning beside it, wrapping rather than cut off. */
    private void showNetwork(LaunchReview result) {
        NetworkDiagram diagram = result.network();
        networkPlace.setText(diagram.place());
        networkRoutes.getChildren().clear();
        int row = 0;
        for (NetworkDiagram.Route route : diagram.routes()) {
            Label path = new Label(route.path());
            path.getStyleClass().add("code");
            path.setMinWidth(Region.USE_PREF_SIZE);
            Label note = new Label(route.note());
            note.getStyleClass().add("hint");
            note.setWrapText(true);
            note.setMinHeight(Region.USE_PREF_SIZE);
            GridPane.setValignment(path, VPos.TOP);
            networkRoutes.addRow(row++, path, note);
        }
        networkCost.setText(result.cost().network() != null ? result.cost().network().summary()
                : result.spec().subnetId() != null ? "Your subnet's network: Hangar adds nothing to it and nothing to pay for it."
                        : "The default VPC: no network of Hangar's, nothing to pay for it (the public IPv4 address is billed with the instance).");
    }

    private void invalid(List<SpecProblem> problems) {
        blocked("The spec is not complete: " + problems.stream().map(SpecProblem::toString).collect(Collectors.joining("; ")));
    }

    private void blocked(String reason) {
        launchSummary.getChildren().clear();
        reviewSummary.setText("");
        networkPlace.setText("");
        networkRoutes.getChildren().clear();
        networkCost.setText("");
        checklistList.getItems().clear();
        preflightList.getItems().clear();
        launchBlockedReason.setText(reason);
    }

    private void applyFix(Finding finding) {
        draft.load(finding.fix().applyTo(draft.spec()));
        runReview();
    }

    @FXML
    void export(ActionEvent event) {
        LaunchReview reviewed = review.get();
        ExportFormat format = ExportFormat.fromWire((String) ((Button) event.getSource()).getUserData());
        var window = exportButtons.getScene().getWindow();
        services.fileSaver().choose(window, "Save " + format.wireName(), format.defaultFileName()).ifPresent(target -> {
            exportStatus.setText("Saving…");
            Tasks.create(() -> write(reviewed, format, target))
                    .onSuccess(path -> exportStatus.setText("Saved " + format.wireName() + " to " + path))
                    .onError(Exception.class, e -> exportStatus.setText("Could not save " + target + ": " + Show.firstLine(e.getMessage())))
                    .runOn(services.executor());
        });
    }

    private Path write(LaunchReview review, ExportFormat format, Path target) throws Exception {
        boolean evidence = format == ExportFormat.EVIDENCE_JSON || format == ExportFormat.EVIDENCE_HTML;
        Blueprint stack = Blueprint.of(review.spec());
        ExportInput input = evidence ? new ExportInput(stack, EvidenceFactory.of(review, services.engine().clock())) : ExportInput.of(stack);
        Files.writeString(target, Exporters.export(format, input));
        return target;
    }

    private static String pretty(String json) {
        try {
            return JSON.readTree(json).toPrettyString();
        } catch (Exception e) {
            return json;
        }
    }

}
