package dev.hangar.ui.wizard;

import dev.hangar.auth.AwsSession;
import dev.hangar.auth.IdentityCenter;
import dev.hangar.auth.IdentityCenterCredentials;
import dev.hangar.auth.SessionCredentials;
import dev.hangar.auth.SsoLoginException;
import dev.hangar.auth.SsoProfile;
import dev.hangar.auth.SsoStart;
import dev.hangar.auth.SsoTokenCache;
import dev.hangar.aws.AwsClients;
import dev.hangar.aws.AwsSettings;
import dev.hangar.aws.MissingCredentialsException;
import dev.hangar.ui.auth.SignInDialog;
import dev.hangar.ui.auth.SignInRequest;
import dev.hangar.ui.auth.SignInResult;
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
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Signs in with a profile (and an optional endpoint) or with IAM Identity Center, or explains why the wizard
 * goes on in plan-only mode. An IAM Identity Center session can sign in again in place ({@link #signInAgain()}):
 * its clients, and so the wizard's state and a launch in progress, stay.
 */
final class AccountStepController implements StepController {

    static final String DEFAULT_CHAIN = "(default credentials)";

    private final WizardState state;
    private final WizardServices services;
    private final BooleanProperty connecting = new SimpleBooleanProperty();
    private boolean tried;
    private boolean renewing;

    @FXML private ComboBox<String> profileChoice;
    @FXML private TextField endpointField;
    @FXML private Label endpointError;
    @FXML private Button connectButton;
    @FXML private Button ssoButton;
    @FXML private Label accountStatus;
    @FXML private TitledPane advancedPane;
    @FXML private VBox advancedContent;

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
        if (services.signIn().available()) {
            ssoButton.disableProperty().bind(connecting);
            ssoButton.setTooltip(new Tooltip("Sign in through your organisation's AWS access portal, as 'aws sso login' does"));
        } else {
            ssoButton.setDisable(true);
            ssoButton.setTooltip(new Tooltip("Not available here; use aws sso login --profile NAME, then pick that profile"));
        }
        endpointError.visibleProperty().bind(endpointError.textProperty().isNotEmpty());
        endpointError.managedProperty().bind(endpointError.visibleProperty());
        advancedPane.expandedProperty().addListener((obs, was, open) -> {
            if (open && advancedPane.getContent() == null) {
                advancedPane.setContent(advancedContent);
            }
        });
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
        Optional<SsoProfile> sso;
        try {
            sso = profile == null || !services.signIn().available() ? Optional.empty()
                    : services.profiles().identityCenter(profile).filter(SsoProfile::isComplete);
        } catch (IllegalArgumentException malformed) {
            signOut();
            planOnly("profile " + profile + ": " + malformed.getMessage());
            showStatus();
            return;
        }
        if (sso.isPresent()) {
            connectIdentityCenter(settings.get(), sso.get(), region);
            return;
        }
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

    /** The "Sign in with IAM Identity Center" button: the dialog, prefilled from the chosen profile or an sso-session. */
    @FXML
    void signInWithIdentityCenter() {
        Optional<AwsSettings> settings = settingsFromFields();
        if (settings.isEmpty() || !services.signIn().available()) {
            return;
        }
        state.settingsProperty().set(settings.get());
        String profile = DEFAULT_CHAIN.equals(profileChoice.getValue()) ? null : profileChoice.getValue();
        Optional<SsoProfile> chosen;
        try {
            chosen = profile == null ? Optional.empty() : services.profiles().identityCenter(profile);
        } catch (IllegalArgumentException malformed) {
            chosen = Optional.empty(); // the dialog asks instead
        }
        Optional<SsoStart> prefill = chosen.map(SsoProfile::start).or(() -> services.signIn().profiles().defaultSsoSession());
        SignInRequest request = chosen.map(SignInRequest::forProfile)
                .map(r -> new SignInRequest(r.start(), r.accountId(), r.roleName(), false, Optional.of(state.regionProperty().get())))
                .orElseGet(() -> SignInRequest.fresh(prefill, Optional.of(state.regionProperty().get())));
        SessionCredentials credentials = SessionCredentials.signedOut();
        AwsClients clients = services.sessions().clients(state.settingsProperty().get(), credentials);
        openDialog(request, clients, identityCenter(clients), credentials, state.regionProperty().get());
    }

    /**
     * Signs the current IAM Identity Center session in again (its sign-in ended): the same account and role,
     * new credentials swapped in under the same clients. The account banner calls this.
     */
    void signInAgain() {
        AwsSession session = state.sessionProperty().get();
        Optional<IdentityCenterCredentials> current = session == null ? Optional.empty() : session.identityCenter();
        if (current.isEmpty() || !services.signIn().available()) {
            return;
        }
        SessionCredentials credentials = session.sessionCredentials().orElseThrow();
        SignInDialog.open(owner(), current.get().center(), services.executor(), services.signIn(), SignInRequest.again(current.get()),
                result -> {
                    credentials.swap(result.credentials());
                    showStatus();
                }, this::showStatus);
    }

    /**
     * Renews the session's role credentials in the background when they are due (the banner asks when its
     * countdown runs out); a failure shows as "sign in again".
     */
    void renewCredentials() {
        AwsSession session = state.sessionProperty().get();
        Optional<IdentityCenterCredentials> current = session == null ? Optional.empty() : session.identityCenter();
        if (renewing || current.isEmpty()) {
            return;
        }
        renewing = true;
        Tasks.create(() -> current.get().resolveCredentials())
                .onError(Exception.class, e -> { })
                .andFinally(() -> renewing = false)
                .runOn(services.executor());
    }

    private void connectIdentityCenter(AwsSettings settings, SsoProfile profile, String region) {
        signOut();
        SessionCredentials credentials = SessionCredentials.signedOut();
        AwsClients clients = services.sessions().clients(settings, credentials);
        IdentityCenter center = identityCenter(clients);
        connecting.set(true);
        accountStatus.setText("Signing in with IAM Identity Center (profile " + profile.name() + ")…");
        Tasks.create(() -> {
            if (center.usableToken(profile.start()).isEmpty()) {
                return null; // no cached sign-in that works: the dialog asks
            }
            credentials.swap(new IdentityCenterCredentials(center, profile.start(), profile.accountId().orElseThrow(), profile.roleName().orElseThrow()));
            return services.sessions().open(clients, region);
        }).busy(state.processingProperty())
                .onSuccess(session -> {
                    if (session == null) {
                        openDialog(SignInRequest.forProfile(profile), clients, center, credentials, region);
                    } else {
                        signedIn(session);
                    }
                })
                .onError(SsoLoginException.class, e -> {
                    if (e.reason() == SsoLoginException.Reason.SIGN_IN_REQUIRED) {
                        openDialog(SignInRequest.forProfile(profile), clients, center, credentials, region);
                    } else {
                        clients.close();
                        planOnly(e.getMessage());
                    }
                })
                .onError(Exception.class, e -> {
                    clients.close();
                    planOnly("signing in with IAM Identity Center failed: " + firstLine(e.getMessage()));
                })
                .andFinally(() -> {
                    connecting.set(false);
                    showStatus();
                })
                .runOn(services.executor());
    }

    private void openDialog(SignInRequest request, AwsClients clients, IdentityCenter center, SessionCredentials credentials, String region) {
        SignInDialog.open(owner(), center, services.executor(), services.signIn(), request,
                result -> openIdentityCenterSession(result, clients, credentials, region),
                () -> {
                    if (state.sessionProperty().get() == null || state.sessionProperty().get().clients() != clients) {
                        clients.close();
                    }
                    showStatus();
                });
    }

    private void openIdentityCenterSession(SignInResult result, AwsClients clients, SessionCredentials credentials, String region) {
        signOut();
        credentials.swap(result.credentials());
        result.profile().ifPresent(w -> {
            if (!profileChoice.getItems().contains(w.profile())) {
                profileChoice.getItems().add(w.profile());
            }
        });
        connecting.set(true);
        accountStatus.setText("Signed in as " + result.credentials().roleName() + " in " + result.accountLabel() + "; checking with AWS…");
        Tasks.create(() -> services.sessions().open(clients, region))
                .busy(state.processingProperty())
                .onSuccess(this::signedIn)
                .onError(Exception.class, e -> {
                    clients.close();
                    planOnly("AWS did not accept the IAM Identity Center credentials: " + firstLine(e.getMessage()));
                })
                .andFinally(() -> {
                    connecting.set(false);
                    showStatus();
                })
                .runOn(services.executor());
    }

    private IdentityCenter identityCenter(AwsClients clients) {
        var signIn = services.signIn();
        return new IdentityCenter(clients, new SsoTokenCache(signIn.files().orElseThrow().ssoCache()), signIn.clock(), signIn.sleeper());
    }

    private Window owner() {
        return accountStatus.getScene() == null ? null : accountStatus.getScene().getWindow();
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
            accountStatus.setText("Signed in to account " + session.accountId() + " as " + session.callerArn()
                    + session.identityCenter().map(ic -> ",\nthrough IAM Identity Center, " + ic.start().label() + ": role "
                            + ic.roleName() + ", " + ic.status().describe()).orElse("") + ".");
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
