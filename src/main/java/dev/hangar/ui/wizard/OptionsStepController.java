package dev.hangar.ui.wizard;

import dev.hangar.catalog.CostEstimator;
import dev.hangar.catalog.GpuOffer;
import dev.hangar.spec.ClusterSpec;
import dev.hangar.spec.Egress;
import dev.hangar.spec.Market;
import dev.hangar.spec.SpecProblem;
import dev.hangar.spec.SpecValidator;
import dev.hangar.spec.Tenancy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableObjectValue;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.util.StringConverter;

/** Name, tenancy (with what it costs), on-demand or spot, idle stop, outbound traffic, tags, and one machine or a cluster. */
final class OptionsStepController implements StepController {

    private static final String[] FIELDS = {"name", "tenancy", "market", "idleStopMinutes", "egress", "tags", "cluster"};

    /** The spec's fields this step edits, and the chosen type's offer (spot is offered only where the type allows it). */
    record Fields(StringProperty name, ObjectProperty<Tenancy> tenancy, ObjectProperty<Market> market,
            IntegerProperty idleStopMinutes, ObjectProperty<Egress> egress, ObjectProperty<Map<String, String>> tags,
            ObservableObjectValue<GpuOffer> offer, ObjectProperty<ClusterSpec> cluster) {
    }

    private final TouchedFields messages;
    private final Fields fields;
    private final StringProperty tagsParseError = new SimpleStringProperty("");

    @FXML private TextField nameField;
    @FXML private Label nameError;
    @FXML private RadioButton sharedRadio;
    @FXML private RadioButton dedicatedRadio;
    @FXML private Label tenancyNote;
    @FXML private RadioButton onDemandRadio;
    @FXML private RadioButton spotRadio;
    @FXML private Label marketNote;
    @FXML private Spinner<Integer> idleSpinner;
    @FXML private Label idleError;
    @FXML private ChoiceBox<Egress> egressChoice;
    @FXML private TextArea tagsArea;
    @FXML private Label tagsError;
    @FXML private RadioButton oneNodeRadio;
    @FXML private RadioButton clusterRadio;
    @FXML private Spinner<Integer> nodesSpinner;
    @FXML private Spinner<Integer> minNodesSpinner;
    @FXML private Label nodesNote;
    @FXML private Label nodesError;
    private NodesChoice nodes;

    /** @param problems the spec's problems; this step shows its fields' */
    OptionsStepController(ObservableValue<List<SpecProblem>> problems, Fields fields) {
        this.messages = new TouchedFields(problems, FIELDS).alsoCheck("tags", tagsParseError);
        this.fields = fields;
    }

    @FXML
    private void initialize() {
        nameField.textProperty().bindBidirectional(fields.name());
        pair(sharedRadio, dedicatedRadio, fields.tenancy(), Tenancy.DEFAULT, Tenancy.DEDICATED);
        tenancyNote.setText(String.format("Dedicated hardware runs only your instances: about %.0f %% more per hour, plus $%.2f per hour "
                + "for the region while any dedicated instance runs. Shared hardware is isolated by the hypervisor and enough for most work.",
                (CostEstimator.DEDICATED_PRICE_FACTOR - 1) * 100, CostEstimator.DEDICATED_REGION_FEE_PER_HOUR));
        pair(onDemandRadio, spotRadio, fields.market(), Market.ON_DEMAND, Market.SPOT);
        spotRadio.disableProperty().bind(Bindings.createBooleanBinding(() -> fields.offer().get() != null && !fields.offer().get().type().spot(), fields.offer()));
        marketNote.textProperty().bind(Bindings.createStringBinding(() -> fields.market().get() == Market.SPOT
                ? "Spot is often 60–90 % cheaper, but AWS may reclaim the machine with two minutes' notice: save checkpoints to the bucket."
                : "On-demand runs until you stop it.", fields.market()));
        var idle = new IntegerSpinnerValueFactory(0, SpecValidator.MAX_IDLE_STOP_MINUTES, fields.idleStopMinutes().get(), 5);
        idleSpinner.setValueFactory(idle);
        idleSpinner.setEditable(true);
        idle.valueProperty().addListener((obs, old, now) -> fields.idleStopMinutes().set(now == null ? 0 : now));
        fields.idleStopMinutes().addListener((obs, old, now) -> idle.setValue(now.intValue()));
        egressChoice.getItems().setAll(Egress.values());
        egressChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Egress e) {
                return e == null ? "" : switch (e) {
                    case WEB -> "HTTP and HTTPS only (recommended)";
                    case HTTPS_ONLY -> "HTTPS only";
                    case ALL -> "Everything";
                };
            }

            @Override
            public Egress fromString(String s) {
                return null;
            }
        });
        egressChoice.valueProperty().bindBidirectional(fields.egress());
        tagsArea.setText(TagsText.format(fields.tags().get()));
        tagsArea.textProperty().addListener((obs, old, text) -> {
            TagsText.Parsed parsed = TagsText.parse(text);
            tagsParseError.set(parsed.error());
            fields.tags().set(parsed.tags());
        });
        fields.tags().addListener((obs, old, now) -> {
            if (!now.equals(TagsText.parse(tagsArea.getText()).tags())) {
                tagsArea.setText(TagsText.format(now));
            }
        });
        nodes();
        messages.touchWhenLeft("name", nameField);
        messages.touchWhenLeft("idleStopMinutes", idleSpinner);
        messages.touchWhenLeft("tags", tagsArea);
        messages.touchWhenLeft("cluster", nodesSpinner, minNodesSpinner);
        messages.show(nameError, "name");
        messages.show(idleError, "idleStopMinutes");
        messages.show(tagsError, "tags");
        messages.show(nodesError, "cluster");
    }

    private void nodes() {
        nodes = new NodesChoice(fields.cluster());
        ToggleGroup group = new ToggleGroup();
        oneNodeRadio.setToggleGroup(group);
        clusterRadio.setToggleGroup(group);
        (nodes.clustered.get() ? clusterRadio : oneNodeRadio).setSelected(true);
        clusterRadio.selectedProperty().addListener((obs, was, on) -> nodes.clustered.set(on));
        nodes.clustered.addListener((obs, was, on) -> (on ? clusterRadio : oneNodeRadio).setSelected(true));
        spinner(nodesSpinner, NodesChoice.MIN_CLUSTER_NODES, nodes.nodes);
        spinner(minNodesSpinner, 0, nodes.minNodes);
        nodesSpinner.disableProperty().bind(nodes.clustered.not());
        minNodesSpinner.disableProperty().bind(nodes.clustered.not());
        nodesNote.textProperty().bind(Bindings.createStringBinding(() -> NodesChoice.explanation(nodes.clustered.get()), nodes.clustered));
    }

    private static void spinner(Spinner<Integer> spinner, int min, IntegerProperty value) {
        var factory = new IntegerSpinnerValueFactory(min, 1_000, Math.max(min, value.get()), 1);
        spinner.setValueFactory(factory);
        spinner.setEditable(true);
        factory.valueProperty().addListener((obs, old, now) -> value.set(now == null ? min : now));
        value.addListener((obs, old, now) -> factory.setValue(now.intValue()));
    }

    @Override
    public BooleanExpression canProceed() {
        return messages.complete();
    }

    @Override
    public Optional<TouchedFields> fieldMessages() {
        return Optional.of(messages);
    }

    private static <E> void pair(RadioButton first, RadioButton second, javafx.beans.property.ObjectProperty<E> value, E a, E b) {
        ToggleGroup group = new ToggleGroup();
        first.setToggleGroup(group);
        second.setToggleGroup(group);
        (value.get() == b ? second : first).setSelected(true);
        second.selectedProperty().addListener((obs, old, on) -> value.set(on ? b : a));
        value.addListener((obs, old, now) -> (now == b ? second : first).setSelected(true));
    }
}
