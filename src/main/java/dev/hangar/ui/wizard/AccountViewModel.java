package dev.hangar.ui.wizard;

import dev.hangar.spec.Show;
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
import dev.hangar.ui.auth.SignInRequest;
import dev.hangar.ui.auth.SignInResult;
import dev.hangar.ui.concurrent.Tasks;
import dev.hangar.ui.session.SessionModel;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The Account step's logic, without a window: signs in with a profile (and an optional endpoint) or with
 * IAM Identity Center into the app's {@link SessionModel}, or says why the wizard goes on in plan-only mode.
 */
final class AccountViewModel {

    static final String DEFAULT_CHAIN = "(default credentials)";

    /** How the status line reads: signed in, plan-only, or neither yet. */
    enum Tone { NONE, OK, WARN }

    /** Opens the IAM Identity Center sign-in dialog; the view supplies it, with the window that owns it. */
    @FunctionalInterface
    interface IdentityCenterDialog {
        void open(IdentityCenter center, SignInRequest request, Consumer<SignInResult> onDone, Runnable onCancelled);
    }

    private final SessionModel session;
    private final StringProperty region;
    private final BooleanProperty processing;
    private final WizardServices services;
    private final IdentityCenterDialog dialog;
    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final StringProperty profile = new SimpleStringProperty();
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper endpointError = new ReadOnlyStringWrapper("");
    private final BooleanProperty connecting = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(Tone.NONE);
    private boolean tried;

    /**
     * @param region     the wizard's region: a profile's region is put into it, STS is asked there
     * @param processing the wizard's busy flag, which greys out Next
     */
    AccountViewModel(SessionModel session, StringProperty region, BooleanProperty processing, WizardServices services,
            IdentityCenterDialog dialog) {
        this.session = session;
        this.region = region;
        this.processing = processing;
        this.services = services;
        this.dialog = dialog;
        profiles.add(DEFAULT_CHAIN);
        profiles.addAll(services.profiles().names());
        AwsSettings settings = session.settingsProperty().get();
        profile.set(settings.profile().filter(profiles::contains).orElse(DEFAULT_CHAIN));
        endpoint.set(settings.endpoint().map(Object::toString).orElse(""));
        // A changed profile or endpoint is another account: sign in again before going on.
        profile.addListener((obs, old, now) -> signOut());
        endpoint.addListener((obs, old, now) -> signOut());
        session.credentialsSwapsProperty().addListener((obs, old, now) -> showStatus()); // signed in again from the banner
        showStatus();
    }

    ObservableList<String> profiles() { return profiles; }
    StringProperty profileProperty() { return profile; }
    StringProperty endpointProperty() { return endpoint; }
    ReadOnlyStringProperty endpointErrorProperty() { return endpointError.getReadOnlyProperty(); }
    ReadOnlyBooleanProperty connectingProperty() { return connecting; }
    ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<Tone> toneProperty() { return tone.getReadOnlyProperty(); }

    boolean identityCenterAvailable() {
        return services.signIn().available();
    }

    BooleanExpression canProceed() {
        return connecting.not().and(session.sessionProperty().isNotNull().or(session.planOnlyReasonProperty().isNotNull()));
    }

    /** The first time the step shows, it signs in with what it was given. */
    void entered() {
        if (!tried) {
            connect();
        }
    }

    void connect() {
        tried = true;
        Optional<AwsSettings> settings = settingsFromFields();
        if (settings.isEmpty()) {
            return;
        }
        session.settingsProperty().set(settings.get());
        String name = settings.get().profile().orElse(null);
        if (name != null) {
            services.profiles().region(name).ifPresent(region::set);
        }
        String where = region.get();
        Optional<SsoProfile> sso;
        try {
            sso = name == null || !identityCenterAvailable() ? Optional.empty()
                    : services.profiles().identityCenter(name).filter(SsoProfile::isComplete);
        } catch (IllegalArgumentException malformed) {
            signOut();
            session.planOnly("profile " + name + ": " + malformed.getMessage());
            showStatus();
            return;
        }
        if (sso.isPresent()) {
            connectIdentityCenter(settings.get(), sso.get(), where);
            return;
        }
        signOut();
        connecting.set(true);
        status.set("Signing in…");
        Tasks.create(() -> services.sessions().open(settings.get(), where))
                .busy(processing)
                .onSuccess(session::signedIn)
                .onError(MissingCredentialsException.class, e -> session.planOnly(e.getMessage()))
                .onError(SdkException.class, e -> session.planOnly("AWS did not accept the sign-in: " + Show.firstLine(e.getMessage())))
                .onError(Exception.class, e -> session.planOnly("signing in failed: " + Show.firstLine(e.getMessage())))
                .andFinally(this::connected)
                .runOn(services.executor());
    }

    /** The "Sign in with IAM Identity Center" button: the dialog, prefilled from the chosen profile or an sso-session. */
    void signInWithIdentityCenter() {
        Optional<AwsSettings> settings = settingsFromFields();
        if (settings.isEmpty() || !identityCenterAvailable()) {
            return;
        }
        session.settingsProperty().set(settings.get());
        String name = chosenProfile();
        Optional<SsoProfile> chosen;
        try {
            chosen = name == null ? Optional.empty() : services.profiles().identityCenter(name);
        } catch (IllegalArgumentException malformed) {
            chosen = Optional.empty(); // the dialog asks instead
        }
        Optional<SsoStart> prefill = chosen.map(SsoProfile::start).or(() -> services.signIn().profiles().defaultSsoSession());
        SignInRequest request = chosen.map(SignInRequest::forProfile)
                .map(r -> new SignInRequest(r.start(), r.accountId(), r.roleName(), false, Optional.of(region.get())))
                .orElseGet(() -> SignInRequest.fresh(prefill, Optional.of(region.get())));
        SessionCredentials credentials = SessionCredentials.signedOut();
        AwsClients clients = services.sessions().clients(settings.get(), credentials);
        openDialog(request, clients, identityCenter(clients), credentials, region.get());
    }

    private void connectIdentityCenter(AwsSettings settings, SsoProfile sso, String where) {
        signOut();
        SessionCredentials credentials = SessionCredentials.signedOut();
        AwsClients clients = services.sessions().clients(settings, credentials);
        IdentityCenter center = identityCenter(clients);
        connecting.set(true);
        status.set("Signing in with IAM Identity Center (profile " + sso.name() + ")…");
        Tasks.create(() -> {
            if (center.usableToken(sso.start()).isEmpty()) {
                return null; // no cached sign-in that works: the dialog asks
            }
            credentials.swap(new IdentityCenterCredentials(center, sso.start(), sso.accountId().orElseThrow(), sso.roleName().orElseThrow()));
            return services.sessions().open(clients, where);
        }).busy(processing)
                .onSuccess(opened -> {
                    if (opened == null) {
                        openDialog(SignInRequest.forProfile(sso), clients, center, credentials, where);
                    } else {
                        session.signedIn(opened);
                    }
                })
                .onError(SsoLoginException.class, e -> {
                    if (e.reason() == SsoLoginException.Reason.SIGN_IN_REQUIRED) {
                        openDialog(SignInRequest.forProfile(sso), clients, center, credentials, where);
                    } else {
                        clients.close();
                        session.planOnly(e.getMessage());
                    }
                })
                .onError(Exception.class, e -> {
                    clients.close();
                    session.planOnly("signing in with IAM Identity Center failed: " + Show.firstLine(e.getMessage()));
                })
                .andFinally(this::connected)
                .runOn(services.executor());
    }

    private void openDialog(SignInRequest request, AwsClients clients, IdentityCenter center, SessionCredentials credentials, String where) {
        dialog.open(center, request, result -> openIdentityCenterSession(result, clients, credentials, where), () -> {
            AwsSession current = session.sessionProperty().get();
            if (current == null || current.clients() != clients) {
                clients.close();
            }
            showStatus();
        });
    }

    private void openIdentityCenterSession(SignInResult result, AwsClients clients, SessionCredentials credentials, String where) {
        signOut();
        credentials.swap(result.credentials());
        result.profile().ifPresent(w -> {
            if (!profiles.contains(w.profile())) {
                profiles.add(w.profile());
            }
        });
        connecting.set(true);
        status.set("Signed in as " + result.credentials().roleName() + " in " + result.accountLabel() + "; checking with AWS…");
        Tasks.create(() -> services.sessions().open(clients, where))
                .busy(processing)
                .onSuccess(session::signedIn)
                .onError(Exception.class, e -> {
                    clients.close();
                    session.planOnly("AWS did not accept the IAM Identity Center credentials: " + Show.firstLine(e.getMessage()));
                })
                .andFinally(this::connected)
                .runOn(services.executor());
    }

    private void connected() {
        connecting.set(false);
        showStatus();
    }

    private IdentityCenter identityCenter(AwsClients clients) {
        var signIn = services.signIn();
        return new IdentityCenter(clients, new SsoTokenCache(signIn.files().orElseThrow().ssoCache()), signIn.clock(), signIn.sleeper());
    }

    private void signOut() {
        session.signOut();
        if (!connecting.get()) {
            showStatus();
        }
    }

    private String chosenProfile() {
        return DEFAULT_CHAIN.equals(profile.get()) ? null : profile.get();
    }

    private Optional<AwsSettings> settingsFromFields() {
        AwsSettings current = session.settingsProperty().get();
        String url = endpoint.get() == null ? "" : endpoint.get().trim();
        try {
            var parsed = AwsSettings.of(null, url.isEmpty() ? null : url, Map.of()).endpoint();
            endpointError.set("");
            return Optional.of(new AwsSettings(Optional.ofNullable(chosenProfile()), parsed, current.attemptTimeout(), current.maxAttempts()));
        } catch (IllegalArgumentException e) {
            endpointError.set(e.getMessage());
            return Optional.empty();
        }
    }

    private void showStatus() {
        AwsSession current = session.sessionProperty().get();
        String reason = session.planOnlyReasonProperty().get();
        if (current != null) {
            status.set("Signed in to account " + current.accountId() + " as " + current.callerArn()
                    + current.identityCenter().map(ic -> ",\nthrough IAM Identity Center, " + ic.start().label() + ": role "
                            + ic.roleName() + ", " + ic.status().describe()).orElse("") + ".");
            tone.set(Tone.OK);
        } else if (reason != null) {
            status.set("Plan-only mode: " + reason + ".\nYou can go on: Hangar plans with its bundled catalog, "
                    + "shows the checklist and exports the stack as code, but cannot launch.");
            tone.set(Tone.WARN);
        } else {
            status.set("Press Connect to sign in.");
            tone.set(Tone.NONE);
        }
    }

}
