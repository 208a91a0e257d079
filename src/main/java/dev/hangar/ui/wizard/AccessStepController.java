package dev.hangar.ui.wizard;

import dev.hangar.catalog.KeyPairCatalog;
import dev.hangar.spec.Access;
import dev.hangar.spec.NetworkMode;
import dev.hangar.ui.concurrent.Tasks;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/**
 * Session Manager (no inbound port) or SSH from one address with an existing or a new key pair; and where the machine
 * sits: Hangar's private network (the default), its isolated one, or the default VPC with a public address.
 */
final class AccessStepController implements StepController {

    private static final String[] FIELDS = {"access", "sshCidr", "keyPair", "network", "associatePublicIp"};

    /** The spec's fields this step edits. */
    record Fields(ObjectProperty<Access> access, StringProperty keyPair, BooleanProperty createKeyPair,
            StringProperty sshCidr, BooleanProperty allowSshFromAnywhere) {
    }

    /**
     * The spec's network fields.
     *
     * @param associatePublicIp cleared when a mode of Hangar's network is chosen, which gives no public IP
     * @param subnetId          read only: a loaded spec's subnet, which overrides the mode
     */
    record Network(ObjectProperty<NetworkMode> mode, BooleanProperty associatePublicIp, ObservableStringValue subnetId) {
    }

    private final StepContext context;
    private final Fields fields;
    private final Network network;
    private final WizardServices services;
    private final TouchedFields messages;
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
    @FXML private RadioButton privateRadio;
    @FXML private RadioButton isolatedRadio;
    @FXML private RadioButton publicRadio;
    @FXML private Label privateHint;
    @FXML private Label isolatedHint;
    @FXML private Label publicHint;
    @FXML private Label subnetNote;
    @FXML private Label networkError;

    AccessStepController(StepContext context, Fields fields, Network network, WizardServices services) {
        this.context = context;
        this.fields = fields;
        this.network = network;
        this.services = services;
        this.messages = new TouchedFields(context.problems(), FIELDS);
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
        MessageArea.reserve(cidrNote); // "Finding your address…", then the address or why it was not found
        MessageArea.reserve(keyPathLabel); // it appears as the name is typed: the form below must not move under the pointer
        keyPathLabel.textProperty().bind(Bindings.createStringBinding(this::keyPath, newKeyField.textProperty(), newKeyRadio.selectedProperty()));

        networkChoices();
        messages.touchWhenLeft("sshCidr", cidrField, detectButton, anywhereCheck);
        messages.touchWhenLeft("keyPair", existingKeyRadio, keyPairChoice, newKeyRadio, newKeyField);
        messages.touchWhenLeft("associatePublicIp", privateRadio, isolatedRadio, publicRadio);
        messages.show(cidrError, "sshCidr");
        messages.show(keyError, "keyPair");
        messages.show(networkError, "associatePublicIp", "network", "access");
    }

    /** The three modes as radio buttons bound to the spec's network, each with its cost and consequence. */
    private void networkChoices() {
        Map<NetworkMode, RadioButton> radios = new EnumMap<>(Map.of(NetworkMode.PRIVATE, privateRadio,
                NetworkMode.ISOLATED, isolatedRadio, NetworkMode.PUBLIC, publicRadio));
        Map<NetworkMode, Label> hints = Map.of(NetworkMode.PRIVATE, privateHint, NetworkMode.ISOLATED, isolatedHint,
                NetworkMode.PUBLIC, publicHint);
        BooleanBinding subnetGiven = Bindings.createBooleanBinding(() -> network.subnetId().get() != null
                && !network.subnetId().get().isBlank(), network.subnetId());
        ToggleGroup group = new ToggleGroup();
        radios.forEach((mode, radio) -> {
            radio.setToggleGroup(group);
            radio.setUserData(mode);
            radio.setText(NetworkChoices.title(mode));
            hints.get(mode).textProperty().bind(Bindings.createStringBinding(() -> NetworkChoices.hint(mode, context.region().get()),
                    context.region()));
        });
        radios.getOrDefault(network.mode().get(), privateRadio).setSelected(true);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            // Only a choice made here (not a spec loaded into the fields) clears associatePublicIp: Hangar's network gives
            // no public IP, and asking for one there is an error the researcher could not see on this step.
            if (now != null && now.getUserData() != network.mode().get()) {
                NetworkMode mode = (NetworkMode) now.getUserData();
                network.mode().set(mode);
                if (mode != NetworkMode.PUBLIC && !subnetGiven.get()) {
                    network.associatePublicIp().set(false);
                }
            }
        });
        network.mode().addListener((obs, old, now) -> radios.getOrDefault(now, privateRadio).setSelected(true));
        radios.values().forEach(r -> r.disableProperty().bind(subnetGiven));
        subnetNote.textProperty().bind(Bindings.createStringBinding(() -> subnetGiven.get()
                ? NetworkChoices.subnetOverrides(network.subnetId().get().trim()) : "", subnetGiven));
        subnetNote.visibleProperty().bind(subnetGiven);
        subnetNote.managedProperty().bind(subnetGiven);
    }

    @Override
    public BooleanExpression canProceed() {
        return messages.complete();
    }

    @Override
    public Optional<TouchedFields> fieldMessages() {
        return Optional.of(messages);
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
