package dev.hangar.ui.wizard;

import dev.hangar.auth.IdentityCenter;
import dev.hangar.ui.auth.SignInDialog;
import dev.hangar.ui.auth.SignInRequest;
import dev.hangar.ui.auth.SignInResult;
import dev.hangar.ui.session.SessionModel;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The Account step's view: binds to its {@link AccountViewModel}, and opens the sign-in dialog over its window. */
final class AccountStepController implements StepController {

    private final WizardServices services;
    private final AccountViewModel model;

    @FXML private ChoiceBox<String> profileChoice;
    @FXML private TextField endpointField;
    @FXML private Label endpointError;
    @FXML private Button connectButton;
    @FXML private Button ssoButton;
    @FXML private Label accountStatus;
    @FXML private TitledPane advancedPane;
    @FXML private VBox advancedContent;

    /**
     * @param region     the wizard's region (a profile's region goes into it)
     * @param processing the wizard's busy flag
     */
    AccountStepController(SessionModel session, StringProperty region, BooleanProperty processing, WizardServices services) {
        this.services = services;
        this.model = new AccountViewModel(session, region, processing, services, this::openDialog);
    }

    @FXML
    private void initialize() {
        profileChoice.setItems(model.profiles());
        profileChoice.valueProperty().bindBidirectional(model.profileProperty());
        endpointField.textProperty().bindBidirectional(model.endpointProperty());
        connectButton.disableProperty().bind(model.connectingProperty());
        if (model.identityCenterAvailable()) {
            ssoButton.disableProperty().bind(model.connectingProperty());
            ssoButton.setTooltip(new Tooltip("Sign in through your organisation's AWS access portal, as 'aws sso login' does"));
        } else {
            ssoButton.setDisable(true);
            ssoButton.setTooltip(new Tooltip("Not available here; use aws sso login --profile NAME, then pick that profile"));
        }
        endpointError.textProperty().bind(model.endpointErrorProperty());
        MessageArea.reserve(endpointError);
        advancedPane.expandedProperty().addListener((obs, was, open) -> {
            if (open && advancedPane.getContent() == null) {
                advancedPane.setContent(advancedContent);
            }
        });
        accountStatus.textProperty().bind(model.statusProperty());
        model.toneProperty().addListener((obs, old, now) -> showTone(now));
        showTone(model.toneProperty().get());
    }

    @Override
    public BooleanExpression canProceed() {
        return model.canProceed();
    }

    @Override
    public void entered() {
        model.entered();
    }

    @FXML
    void connect() {
        model.connect();
    }

    @FXML
    void signInWithIdentityCenter() {
        model.signInWithIdentityCenter();
    }

    private void openDialog(IdentityCenter center, SignInRequest request, Consumer<SignInResult> onDone, Runnable onCancelled) {
        SignInDialog.open(owner(), center, services.executor(), services.signIn(), request, onDone, onCancelled);
    }

    private Window owner() {
        return accountStatus.getScene() == null ? null : accountStatus.getScene().getWindow();
    }

    private void showTone(AccountViewModel.Tone tone) {
        accountStatus.getStyleClass().removeAll("status-ok", "status-warn");
        switch (tone) {
            case OK -> accountStatus.getStyleClass().add("status-ok");
            case WARN -> accountStatus.getStyleClass().add("status-warn");
            case NONE -> { }
        }
    }
}
