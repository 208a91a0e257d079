package dev.hangar.ui.auth;

import dev.hangar.spec.Show;
import dev.hangar.auth.AwsConfigWriter;
import dev.hangar.auth.Cancellation;
import dev.hangar.auth.CredentialsStatus;
import dev.hangar.auth.DeviceAuthorization;
import dev.hangar.auth.IdentityCenter;
import dev.hangar.auth.IdentityCenterCredentials;
import dev.hangar.auth.SsoAccount;
import dev.hangar.auth.SsoLoginException;
import dev.hangar.auth.SsoStart;
import dev.hangar.ui.concurrent.TaskExecutor;
import dev.hangar.ui.concurrent.TaskHandle;
import dev.hangar.ui.concurrent.Tasks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The sign-in dialog's state and steps, without a window: where to sign in → the code to approve (the
 * browser opened at it) → the account and role → credentials. All AWS work runs on the executor; the
 * wait for approval can be cancelled.
 */
public final class SignInViewModel {

    /** Where the dialog is. */
    public enum Phase {
        /** Start URL and region. */
        WHERE,
        /** The code is shown; waiting for the user to approve it in the browser. */
        WAITING,
        /** Signed in: account and role. */
        CHOOSING,
        /** Finished: the dialog closes. */
        DONE
    }

    private final IdentityCenter center;
    private final TaskExecutor executor;
    private final BrowserOpener browser;
    private final SignInRequest request;
    private final Path config;
    private final Consumer<SignInResult> onDone;

    private final StringProperty startUrl = new SimpleStringProperty("");
    private final StringProperty region = new SimpleStringProperty("");
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.WHERE);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty userCode = new SimpleStringProperty("");
    private final StringProperty verificationUrl = new SimpleStringProperty("");
    private final StringProperty waitingText = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageIsError = new SimpleBooleanProperty();
    private final ObservableList<SsoAccount> accounts = FXCollections.observableArrayList();
    private final ObjectProperty<SsoAccount> selectedAccount = new SimpleObjectProperty<>();
    private final ObservableList<String> roles = FXCollections.observableArrayList();
    private final StringProperty selectedRole = new SimpleStringProperty();
    private final BooleanProperty saveProfile = new SimpleBooleanProperty();
    private final StringProperty profileName = new SimpleStringProperty("");
    private final String sessionName;
    private Cancellation cancellation = new Cancellation();
    private DeviceAuthorization device;
    private SsoStart start;
    private TaskHandle loadingRoles = TaskHandle.none();

    /**
     * @param config where a profile is written when the user asks for one
     * @param onDone called on the UI thread with the result
     */
    public SignInViewModel(IdentityCenter center, TaskExecutor executor, BrowserOpener browser, SignInRequest request, Path config,
            Consumer<SignInResult> onDone) {
        this.center = center;
        this.executor = executor;
        this.browser = browser;
        this.request = request;
        this.config = config;
        this.onDone = onDone;
        this.sessionName = request.start().flatMap(SsoStart::sessionName).orElse(null);
        request.start().ifPresent(s -> {
            startUrl.set(s.startUrl());
            region.set(s.region());
        });
        profileName.set(request.roleName().map(r -> r.toLowerCase(java.util.Locale.ROOT)).orElse(""));
        selectedAccount.addListener((obs, old, now) -> loadRoles(now));
    }

    // ---- steps ----

    /** Signs in: with the cached sign-in when it works, else through the browser. */
    public void signIn() {
        if (busy.get() || phase.get() != Phase.WHERE) {
            return;
        }
        try {
            start = where();
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
            return;
        }
        cancellation = new Cancellation();
        Cancellation mine = cancellation;
        info("Signing in to " + start.startUrl() + "…");
        Tasks.create(() -> {
            java.util.function.Consumer<DeviceAuthorization> show = d -> executor.runOnUiThread(() -> showCode(d));
            center.token(start, show, mine);
            try {
                return center.accounts(start);
            } catch (SsoLoginException e) {
                if (e.reason() != SsoLoginException.Reason.SIGN_IN_REQUIRED) {
                    throw e;
                }
                // The cached sign-in looked good but Identity Center no longer takes it (signed out, revoked): a new one.
                center.signIn(start, show, mine);
                return center.accounts(start);
            }
        }).busy(busy)
                .onSuccess(this::signedIn)
                .onError(SsoLoginException.class, this::failed)
                .onError(SdkException.class, e -> backToWhere("IAM Identity Center could not be reached: " + Show.firstLine(e.getMessage()), true))
                .onError(Exception.class, e -> backToWhere("signing in failed: " + Show.firstLine(e.getMessage()), true))
                .runOn(executor);
    }

    /** Stops waiting for approval; outside the wait, nothing to stop. */
    public boolean cancelWaiting() {
        if (phase.get() == Phase.WAITING || busy.get()) {
            cancellation.cancel();
            return true;
        }
        return false;
    }

    /** Opens the approval page again (the browser tab was closed). */
    public void openBrowser() {
        if (device != null) {
            open(device.urlToOpen());
        }
    }

    /** Uses the chosen account and role: fetches their credentials, writes the profile if asked. */
    public void finish() {
        SsoAccount account = selectedAccount.get();
        String role = selectedRole.get();
        if (busy.get() || account == null || role == null) {
            return;
        }
        Optional<String> profile = saveProfile.get() ? Optional.of(profileName.get() == null ? "" : profileName.get().trim()) : Optional.empty();
        if (profile.isPresent()) {
            try {
                new AwsConfigWriter(config).check(profile.get(), start);
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                error(e.getMessage());
                return;
            }
        }
        complete(account.accountId(), account.label(), role, profile);
    }

    // ---- inside ----

    private SsoStart where() {
        String url = startUrl.get() == null ? "" : startUrl.get().trim();
        String r = region.get() == null ? "" : region.get().trim();
        SsoStart prefilled = request.start().orElse(null);
        // An sso-session's name stays only while its start URL and region do: else the token would be cached under the wrong name.
        if (prefilled != null && prefilled.sessionName().isPresent() && url.equals(prefilled.startUrl()) && r.equals(prefilled.region())) {
            return prefilled;
        }
        return SsoStart.legacy(url, r);
    }

    private void showCode(DeviceAuthorization d) {
        device = d;
        userCode.set(d.userCode());
        verificationUrl.set(d.urlToOpen());
        phase.set(Phase.WAITING);
        long minutes = Math.max(1, Duration.between(center.clock().instant(), d.expiresAt()).toMinutes());
        waitingText.set("Waiting for you to approve in the browser… (the code works for " + minutes + " min)");
        info("Your browser opens the page; if it does not, open it yourself (Copy link).");
        open(d.urlToOpen());
    }

    private void open(String url) {
        try {
            browser.open(url);
        } catch (RuntimeException e) {
            info("No browser could be opened here: copy the link and open it on any device.");
        }
    }

    private void signedIn(List<SsoAccount> list) {
        if (request.again()) {
            complete(request.accountId().orElseThrow(), request.accountId().orElseThrow(), request.roleName().orElseThrow(), Optional.empty());
            return;
        }
        phase.set(Phase.CHOOSING);
        accounts.setAll(list);
        if (list.isEmpty()) {
            error("IAM Identity Center assigns you no AWS account.");
            return;
        }
        info("Signed in. Choose the account and the role to work as.");
        Optional<SsoAccount> preferred = request.accountId().flatMap(id -> list.stream().filter(a -> a.accountId().equals(id)).findFirst());
        selectedAccount.set(preferred.orElse(list.size() == 1 ? list.get(0) : null));
    }

    private void loadRoles(SsoAccount account) {
        loadingRoles.cancel(); // another account was chosen: the last one's roles are no longer wanted
        roles.clear();
        selectedRole.set(null);
        if (account == null) {
            return;
        }
        loadingRoles = Tasks.create(() -> center.roles(start, account.accountId())).busy(busy)
                .onSuccess(list -> {
                    roles.setAll(list);
                    Optional<String> preferred = request.roleName().filter(list::contains);
                    selectedRole.set(preferred.orElse(list.size() == 1 ? list.get(0) : null));
                })
                .onError(SsoLoginException.class, this::failed)
                .onError(Exception.class, e -> error("the roles could not be listed: " + Show.firstLine(e.getMessage())))
                .runOn(executor);
    }

    private void complete(String accountId, String accountLabel, String role, Optional<String> profile) {
        SsoStart s = start;
        info("Getting credentials for " + role + " in " + accountLabel + "…");
        Tasks.create(() -> {
            IdentityCenterCredentials credentials = new IdentityCenterCredentials(center, s, accountId, role);
            credentials.resolveCredentials();
            Optional<AwsConfigWriter.Written> written = profile.map(p -> new AwsConfigWriter(config).addProfile(p, s, accountId, role,
                    request.profileRegion()));
            return new SignInResult(credentials, accountLabel, written);
        }).busy(busy)
                .onSuccess(result -> {
                    CredentialsStatus status = result.credentials().status();
                    info("Signed in to " + accountLabel + " as " + role + "; " + status.describe() + "."
                            + result.profile().map(w -> " Saved as profile " + w.profile() + " in " + w.file() + ".").orElse(""));
                    phase.set(Phase.DONE);
                    onDone.accept(result);
                })
                .onError(SsoLoginException.class, this::failed)
                .onError(IllegalArgumentException.class, e -> error(e.getMessage()))
                .onError(Exception.class, e -> error("the credentials could not be fetched: " + Show.firstLine(e.getMessage())))
                .runOn(executor);
    }

    private void failed(SsoLoginException e) {
        switch (e.reason()) {
            case CANCELLED -> backToWhere("Cancelled. Sign in again when you are ready.", false);
            case FORBIDDEN -> error(e.getMessage());
            default -> backToWhere(e.getMessage(), true);
        }
    }

    private void backToWhere(String text, boolean isError) {
        phase.set(Phase.WHERE);
        userCode.set("");
        verificationUrl.set("");
        device = null;
        message.set(capitalised(text));
        messageIsError.set(isError);
    }

    private void info(String text) {
        message.set(text);
        messageIsError.set(false);
    }

    private void error(String text) {
        message.set(capitalised(text));
        messageIsError.set(true);
    }

    private static String capitalised(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ---- properties ----

    public StringProperty startUrlProperty() { return startUrl; }
    public StringProperty regionProperty() { return region; }
    public ObjectProperty<Phase> phaseProperty() { return phase; }
    public BooleanProperty busyProperty() { return busy; }
    public StringProperty userCodeProperty() { return userCode; }
    public StringProperty verificationUrlProperty() { return verificationUrl; }
    public StringProperty waitingTextProperty() { return waitingText; }
    public StringProperty messageProperty() { return message; }
    public BooleanProperty messageIsErrorProperty() { return messageIsError; }
    public ObservableList<SsoAccount> accounts() { return accounts; }
    public ObjectProperty<SsoAccount> selectedAccountProperty() { return selectedAccount; }
    public ObservableList<String> roles() { return roles; }
    public StringProperty selectedRoleProperty() { return selectedRole; }
    public BooleanProperty saveProfileProperty() { return saveProfile; }
    public StringProperty profileNameProperty() { return profileName; }
    public SignInRequest request() { return request; }
    public Path config() { return config; }

    /** The sso-session being signed in to, if any: shown beside the fields. */
    public Optional<String> sessionName() {
        return Optional.ofNullable(sessionName);
    }

    public BooleanBinding canSignIn() {
        return phase.isEqualTo(Phase.WHERE).and(busy.not()).and(startUrl.isNotEmpty()).and(region.isNotEmpty());
    }

    public BooleanBinding canFinish() {
        return phase.isEqualTo(Phase.CHOOSING).and(busy.not()).and(selectedAccount.isNotNull()).and(selectedRole.isNotNull())
                .and(Bindings.createBooleanBinding(() -> !saveProfile.get() || !profileName.get().isBlank(), saveProfile, profileName));
    }
}
