package dev.hangar.ui.wizard;

import dev.hangar.auth.AwsSession;
import dev.hangar.aws.AwsSettings;
import dev.hangar.aws.MissingCredentialsException;
import dev.hangar.ui.concurrent.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import software.amazon.awssdk.core.exception.SdkException;

/** Signs in with a profile (and an optional endpoint), or explains why the wizard goes on in plan-only mode. */
final class AccountStepController implements StepController {

    static final String DEFAULT_CHAIN = "(default credentials)";

    private final WizardState state;
    private final WizardServices services;
    private final BooleanProperty connecting = new SimpleBooleanProperty();
    private boolean tried;

    @FXML private ComboBox<String> profileChoice;
    @FXML private TextField endpointField;
    @FXML private Label endpointError;
    @FXML private Button connectButton;
    @FXML private Label accountStatus;

    AccountStepController(WizardState state, WizardServices services) {
        this.state = state;
        this.services = services;
    }

    @FXML
    private void initialize() {
        List<String> profiles = new ArrayList<>(List.of(DEFAULT_CHAIN));
        profiles.addAll(services.profiles().names());
        profileChoice.getItems().setAll(profiles);
        AwsSettings settings = state.settingsProperty().get();
        profileChoice.setValue(settings.profile().filter(profiles::contains).orElse(DEFAULT_CHAIN));
        endpointField.setText(settings.endpoint().map(Object::toString).orElse(""));
        connectButton.disableProperty().bind(connecting);
        endpointError.visibleProperty().bind(endpointError.textProperty().isNotEmpty());
        endpointError.managedProperty().bind(endpointError.visibleProperty());
        // A changed profile or endpoint is another account: sign in again before going on.
        profileChoice.valueProperty().addListener((obs, old, now) -> signOut());
        endpointField.textProperty().addListener((obs, old, now) -> signOut());
        showStatus();
    }

    @Override
    public BooleanExpression canProceed() {
        return connecting.not().and(state.sessionProperty().isNotNull().or(state.planOnlyReasonProperty().isNotNull()));
    }

    @Override
    public void entered() {
        if (!tried) {
            connect();
        }
    }

    @FXML
    void connect() {
        tried = true;
        Optional<AwsSettings> settings = settingsFromFields();
        if (settings.isEmpty()) {
            return;
        }
        state.settingsProperty().set(settings.get());
        String profile = settings.get().profile().orElse(null);
        if (profile != null) {
            services.profiles().region(profile).ifPresent(state.regionProperty()::set);
        }
        String region = state.regionProperty().get();
        signOut();
        connecting.set(true);
        accountStatus.setText("Signing in…");
        Tasks.create(() -> services.sessions().open(settings.get(), region))
                .busy(state.processingProperty())
                .onSuccess(this::signedIn)
                .onError(MissingCredentialsException.class, e -> planOnly(e.getMessage()))
                .onError(SdkException.class, e -> planOnly("AWS did not accept the sign-in: " + firstLine(e.getMessage())))
                .onError(Exception.class, e -> planOnly("signing in failed: " + firstLine(e.getMessage())))
                .andFinally(() -> {
                    connecting.set(false);
                    showStatus();
                })
                .runOn(services.executor());
    }

    private void signedIn(AwsSession session) {
        state.sessionProperty().set(session);
        state.planOnlyReasonProperty().set(null);
    }

    private void planOnly(String reason) {
        state.planOnlyReasonProperty().set(reason);
    }

    private void signOut() {
        AwsSession old = state.sessionProperty().get();
        state.sessionProperty().set(null);
        state.planOnlyReasonProperty().set(null);
        if (old != null) {
            old.close();
        }
        if (accountStatus != null && !connecting.get()) {
            showStatus();
        }
    }

    private Optional<AwsSettings> settingsFromFields() {
        AwsSettings current = state.settingsProperty().get();
        String profile = DEFAULT_CHAIN.equals(profileChoice.getValue()) ? null : profileChoice.getValue();
        String endpoint = endpointField.getText() == null ? "" : endpointField.getText().trim();
        try {
            var parsed = AwsSettings.of(null, endpoint.isEmpty() ? null : endpoint, Map.of()).endpoint();
            endpointError.setText("");
            return Optional.of(new AwsSettings(Optional.ofNullable(profile), parsed, current.attemptTimeout(), current.maxAttempts()));
        } catch (IllegalArgumentException e) {
            endpointError.setText(e.getMessage());
            return Optional.empty();
        }
    }

    private void showStatus() {
        AwsSession session = state.sessionProperty().get();
        String reason = state.planOnlyReasonProperty().get();
        accountStatus.getStyleClass().removeAll("status-ok", "status-warn");
        if (session != null) {
            accountStatus.setText("Signed in to account " + session.accountId() + " as " + session.callerArn() + ".");
            accountStatus.getStyleClass().add("status-ok");
        } else if (reason != null) {
            accountStatus.setText("Plan-only mode: " + reason + ".\nYou can go on: Hangar plans with its bundled catalog, "
                    + "shows the checklist and exports the stack as code, but cannot launch.");
            accountStatus.getStyleClass().add("status-warn");
        } else {
            accountStatus.setText("Press Connect to sign in.");
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
