package dev.hangar.ui.wizard;

import dev.hangar.catalog.KeyPairCatalog;
import dev.hangar.spec.Access;
import dev.hangar.ui.concurrent.Tasks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/** Session Manager (no inbound port) or SSH from one address with an existing or a new key pair. */
final class AccessStepController implements StepController {

    /** The spec's fields this step edits. */
    record Fields(ObjectProperty<Access> access, StringProperty keyPair, BooleanProperty createKeyPair,
            StringProperty sshCidr, BooleanProperty allowSshFromAnywhere) {
    }

    private final StepContext context;
    private final Fields fields;
    private final WizardServices services;
    private boolean detected;
    private String keysLoadedFor;

    @FXML private RadioButton ssmRadio;
    @FXML private RadioButton sshRadio;
    @FXML private VBox sshBox;
    @FXML private TextField cidrField;
    @FXML private Button detectButton;
    @FXML private Label cidrNote;
    @FXML private Label cidrError;
    @FXML private CheckBox anywhereCheck;
    @FXML private RadioButton existingKeyRadio;
    @FXML private RadioButton newKeyRadio;
    @FXML private ComboBox<String> keyPairChoice;
    @FXML private TextField newKeyField;
    @FXML private Label keyPathLabel;
    @FXML private Label keyError;

    AccessStepController(StepContext context, Fields fields, WizardServices services) {
        this.context = context;
        this.fields = fields;
        this.services = services;
    }

    @FXML
    private void initialize() {
        ToggleGroup access = new ToggleGroup();
        ssmRadio.setToggleGroup(access);
        sshRadio.setToggleGroup(access);
        (fields.access().get() == Access.SSH ? sshRadio : ssmRadio).setSelected(true);
        access.selectedToggleProperty().addListener((obs, old, now) -> fields.access().set(now == sshRadio ? Access.SSH : Access.SSM));
        fields.access().addListener((obs, old, now) -> {
            (now == Access.SSH ? sshRadio : ssmRadio).setSelected(true);
            if (now == Access.SSH) {
                detectOnce();
            }
        });
        sshBox.visibleProperty().bind(fields.access().isEqualTo(Access.SSH));
        sshBox.managedProperty().bind(sshBox.visibleProperty());

        cidrField.textProperty().bindBidirectional(fields.sshCidr());
        anywhereCheck.selectedProperty().bindBidirectional(fields.allowSshFromAnywhere());
        detectButton.disableProperty().bind(context.processing());

        ToggleGroup key = new ToggleGroup();
        existingKeyRadio.setToggleGroup(key);
        newKeyRadio.setToggleGroup(key);
        (fields.createKeyPair().get() ? newKeyRadio : existingKeyRadio).setSelected(true);
        newKeyRadio.selectedProperty().bindBidirectional(fields.createKeyPair());
        fields.createKeyPair().addListener((obs, old, now) -> existingKeyRadio.setSelected(!now));
        keyPairChoice.disableProperty().bind(newKeyRadio.selectedProperty());
        newKeyField.disableProperty().bind(newKeyRadio.selectedProperty().not());
        keyPairChoice.valueProperty().addListener((obs, old, now) -> updateKeyPair());
        newKeyField.textProperty().addListener((obs, old, now) -> updateKeyPair());
        fields.createKeyPair().addListener((obs, old, now) -> updateKeyPair());
        keyPathLabel.textProperty().bind(Bindings.createStringBinding(this::keyPath, newKeyField.textProperty(), newKeyRadio.selectedProperty()));

        FieldErrors errors = new FieldErrors(context.problems(), "access", "sshCidr", "keyPair");
        errors.show(cidrError, "sshCidr");
        errors.show(keyError, "keyPair");
    }

    @Override
    public BooleanExpression canProceed() {
        return new FieldErrors(context.problems(), "access", "sshCidr", "keyPair").none();
    }

    @Override
    public void entered() {
        if (fields.access().get() == Access.SSH) {
            detectOnce();
        }
        String key = context.region().get() + "|" + System.identityHashCode(context.session().sessionProperty().get());
        if (context.session().clients().isEmpty() || Objects.equals(key, keysLoadedFor)) {
            keyPairChoice.setEditable(context.session().clients().isEmpty());
            return;
        }
        keysLoadedFor = key;
        KeyPairCatalog catalog = new KeyPairCatalog(context.session().clients().get());
        String region = context.region().get();
        Tasks.create(() -> catalog.names(region))
                .busy(context.processing())
                .onSuccess(this::showKeyPairs)
                .onError(Exception.class, e -> {
                    keysLoadedFor = null;
                    keyPairChoice.setEditable(true);
                    keyPairChoice.setPromptText("key pairs could not be listed: type a name");
                })
                .runOn(services.executor());
    }

    private void showKeyPairs(List<String> names) {
        keyPairChoice.getItems().setAll(names);
        keyPairChoice.setPromptText(names.isEmpty() ? "no key pairs in " + context.region().get() : "choose a key pair");
        if (names.isEmpty() && !newKeyRadio.isSelected()) {
            newKeyRadio.setSelected(true);
        }
    }

    @FXML
    void detect() {
        detected = true;
        cidrNote.setText("Finding your address…");
        Tasks.create(() -> services.ipDetector().detect())
                .busy(context.processing())
                .onSuccess(this::detectedAddress)
                .onError(Exception.class, e -> detectedAddress(Optional.empty()))
                .runOn(services.executor());
    }

    private void detectOnce() {
        if (!detected) {
            detect();
        }
    }

    private void detectedAddress(Optional<String> address) {
        if (address.isPresent()) {
            String cidr = CheckIpDetector.singleAddressCidr(address.get());
            if (fields.sshCidr().get() == null || fields.sshCidr().get().isBlank()) {
                fields.sshCidr().set(cidr);
            }
            cidrNote.setText("Your address as the internet sees it: " + address.get() + ". Only it may connect.");
        } else {
            cidrNote.setText("Your address could not be found (offline, or the lookup timed out). Type it, e.g. 203.0.113.7/32.");
        }
    }

    private void updateKeyPair() {
        fields.keyPair().set(newKeyRadio.isSelected() ? newKeyField.getText() : keyPairChoice.getValue());
    }

    private String keyPath() {
        String name = newKeyField.getText();
        if (!newKeyRadio.isSelected() || name == null || name.isBlank()) {
            return "";
        }
        return "The private key will be saved to " + services.keyFile(name.trim()) + " (readable only by you).";
    }
}
