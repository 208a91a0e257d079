package dev.hangar.ui.session;

import dev.hangar.auth.AwsSession;
import dev.hangar.auth.CredentialsStatus;
import dev.hangar.auth.IdentityCenterCredentials;
import dev.hangar.aws.AwsClients;
import dev.hangar.aws.AwsSettings;
import dev.hangar.ui.concurrent.TaskExecutor;
import dev.hangar.ui.concurrent.Tasks;
import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The app's signed-in AWS session, one for every window: the wizard signs in and launches with it, the monitor
 * reads with it, the banner counts its credentials down and renews them. Null session = plan-only mode.
 */
public final class SessionModel implements AutoCloseable {

    private final ObjectProperty<AwsSettings> settings = new SimpleObjectProperty<>(AwsSettings.defaults());
    private final ObjectProperty<AwsSession> session = new SimpleObjectProperty<>();
    /** Why there is no session, once signing in was tried; null while signed in or not tried. */
    private final StringProperty planOnlyReason = new SimpleStringProperty();
    /** Counts credentials swapped under the same session (a sign-in again): views showing them redraw. */
    private final ReadOnlyIntegerWrapper credentialsSwaps = new ReadOnlyIntegerWrapper();
    private boolean renewing;

    public ObjectProperty<AwsSettings> settingsProperty() { return settings; }
    public ObjectProperty<AwsSession> sessionProperty() { return session; }
    public StringProperty planOnlyReasonProperty() { return planOnlyReason; }
    public ReadOnlyIntegerProperty credentialsSwapsProperty() { return credentialsSwaps.getReadOnlyProperty(); }

    /** The clients of the signed-in session; empty in plan-only mode. */
    public Optional<AwsClients> clients() {
        return Optional.ofNullable(session.get()).map(AwsSession::clients);
    }

    public BooleanBinding planOnly() {
        return session.isNull();
    }

    /** The IAM Identity Center role credentials of the session, when it signed in that way. */
    public Optional<IdentityCenterCredentials> identityCenter() {
        return Optional.ofNullable(session.get()).flatMap(AwsSession::identityCenter);
    }

    public void signedIn(AwsSession now) {
        session.set(now);
        planOnlyReason.set(null);
    }

    public void planOnly(String reason) {
        planOnlyReason.set(reason);
    }

    /** Forgets the session and closes its clients: a changed profile or endpoint is another account. */
    public void signOut() {
        AwsSession old = session.get();
        session.set(null);
        planOnlyReason.set(null);
        if (old != null) {
            old.close();
        }
    }

    /** New role credentials under the same session and clients, so the wizard's state and a launch under way stay. */
    public void swapCredentials(IdentityCenterCredentials fresh) {
        AwsSession current = session.get();
        if (current == null) {
            return;
        }
        current.sessionCredentials().orElseThrow().swap(fresh);
        credentialsSwaps.set(credentialsSwaps.get() + 1);
    }

    /**
     * Renews the role credentials in the background when they are due (the banner asks once a second);
     * a failure shows later as "sign-in ended".
     */
    public void renewCredentialsIfDue(TaskExecutor executor) {
        Optional<IdentityCenterCredentials> current = identityCenter();
        if (renewing || current.isEmpty()) {
            return;
        }
        CredentialsStatus status = current.get().status();
        if (!status.renewalDue() || status.signInRequired()) {
            return;
        }
        renewing = true;
        Tasks.create(() -> current.get().resolveCredentials())
                .onError(Exception.class, e -> { })
                .andFinally(() -> renewing = false)
                .runOn(executor);
    }

    @Override
    public void close() {
        if (session.get() != null) {
            session.get().close();
        }
    }
}
