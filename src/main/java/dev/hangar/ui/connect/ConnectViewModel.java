package dev.hangar.ui.connect;

import dev.hangar.auth.AwsSession;
import dev.hangar.aws.AwsSettings;
import dev.hangar.connect.ConnectInvocation;
import dev.hangar.connect.ConnectPurpose;
import dev.hangar.connect.Readiness;
import dev.hangar.connect.SessionManagerReadiness;
import dev.hangar.connect.SshHostEntry;
import dev.hangar.connect.SshTarget;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.connect.TerminalUnavailableException;
import dev.hangar.spec.Show;
import dev.hangar.ui.concurrent.TaskExecutor;
import dev.hangar.ui.concurrent.Tasks;
import dev.hangar.ui.session.SessionModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;

/**
 * The connect buttons' state and actions for one launch, without a window (the Done step and the monitor each hold
 * one): whether Session Manager can reach the instance yet, polled in the background, and if not why; and opening a
 * terminal that runs {@code hangar connect} with this Hangar's home, profile and endpoint.
 */
public final class ConnectViewModel {

    static final String CHECKING = "Checking whether Session Manager can reach the instance…";
    static final String NOT_SIGNED_IN = "Not signed in: sign in on the wizard's Account step to connect.";
    static final String NO_PROFILE = "Signed in here with IAM Identity Center but not through a saved profile, so Hangar in a terminal could"
            + " not sign in as this window did. Choose the profile on the Account step (or save one when you sign in).";

    private final TaskExecutor executor;
    private final SessionModel session;
    private final ConnectServices services;
    private final Path home;
    private final ReadinessPoller poller;
    /** Why the buttons are disabled; null when they are enabled. */
    private final ReadOnlyStringWrapper blockedReason = new ReadOnlyStringWrapper("Select a launch.");
    private final ReadOnlyBooleanWrapper gaveUp = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper();
    private final BooleanBinding ready = blockedReason.isNull();
    private final ChangeListener<AwsSession> sessionChanged = (obs, old, now) -> checkAgain();
    private ConnectTarget target;
    /** True while polling or once online. */
    private boolean watching;

    /** @param home HANGAR_HOME of this Hangar, which the terminal's Hangar gets as {@code --home} */
    public ConnectViewModel(TaskExecutor executor, SessionModel session, ConnectServices services, Path home) {
        this.executor = executor;
        this.session = session;
        this.services = services;
        this.home = home;
        this.poller = new ReadinessPoller(executor, services.schedule(), services.sleeper());
        session.sessionProperty().addListener(sessionChanged);
    }

    /** True when the buttons may be used. */
    public BooleanBinding readyProperty() {
        return ready;
    }

    public ReadOnlyStringProperty blockedReasonProperty() {
        return blockedReason.getReadOnlyProperty();
    }

    /** True once the schedule ran out: "Check again" is offered. */
    public ReadOnlyBooleanProperty gaveUpProperty() {
        return gaveUp.getReadOnlyProperty();
    }

    /** What the last button did, or why it could not. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }

    public ConnectTarget target() {
        return target;
    }

    /**
     * Follows this launch's instance until Session Manager reaches it. The same target again (the monitor's next
     * refresh) changes nothing: not while checking, not once online, and not after the checks gave up.
     */
    public void watch(ConnectTarget next) {
        if (next.equals(target) && (watching || gaveUp.get())) {
            return;
        }
        target = next;
        checkAgain();
    }

    /** Nothing to connect to, for this reason (stopped, not in the journal): no polling. */
    public void unavailable(String reason) {
        poller.stop();
        watching = false;
        target = null;
        gaveUp.set(false);
        blockedReason.set(Objects.requireNonNull(reason));
    }

    /** Asks again from the start of the schedule (after it gave up, or with a new sign-in). */
    public void checkAgain() {
        poller.stop();
        gaveUp.set(false);
        if (target == null) {
            return;
        }
        AwsSession current = session.sessionProperty().get();
        if (current == null) {
            watching = false;
            blockedReason.set(NOT_SIGNED_IN);
            return;
        }
        if (current.identityCenter().isPresent() && current.clients().settings().profile().isEmpty()) {
            watching = false;
            blockedReason.set(NO_PROFILE);
            return;
        }
        watching = true;
        blockedReason.set(CHECKING);
        ConnectTarget t = target;
        SessionManagerReadiness readiness = new SessionManagerReadiness(current.clients());
        poller.start(() -> readiness.check(t.region(), t.instanceId()), new ReadinessPoller.Listener() {
            @Override
            public void checked(Readiness r) {
                blockedReason.set(r.online() ? null : r.reason());
            }

            @Override
            public void failed(Exception error) {
                blockedReason.set("Could not ask Session Manager whether the instance is reachable: " + Show.firstLine(error.getMessage()));
            }

            @Override
            public void gaveUp() {
                watching = false;
                gaveUp.set(true);
                blockedReason.set(blockedReason.get() + " Hangar stopped checking after " + services.schedule().giveUpInWords() + ".");
            }
        });
    }

    /** Opens a terminal running {@code hangar connect} for the target; does nothing unless ready. */
    public void open(ConnectPurpose purpose) {
        AwsSession current = session.sessionProperty().get();
        if (!ready.get() || target == null || current == null) {
            return;
        }
        ConnectTarget t = target;
        AwsSettings settings = current.clients().settings();
        List<String> command = new ConnectInvocation(home, settings).command(services.self().get(), t.launchId(), purpose);
        showStatus("Opening a terminal…", false);
        Tasks.create(() -> services.terminal().open(command))
                .onSuccess(open -> showStatus("Opened " + open.terminal() + " with " + purpose.describe() + " on " + t.instanceId()
                        + ". The session ends when you close it.", false))
                .onError(TerminalUnavailableException.class, e -> showStatus(e.getMessage(), true))
                .onError(Exception.class, e -> showStatus("Could not open a terminal: " + Show.firstLine(e.getMessage()), true))
                .runOn(executor);
    }

    /**
     * The launch's SSH host entry (ProxyCommand over Session Manager with an EC2 Instance Connect key), handed to
     * {@code copy} on the FX thread; it is read from the journal in the background.
     */
    public void copySshHost(Consumer<String> copy) {
        withSshEntry(entry -> {
            copy.accept(entry.text());
            showStatus("Copied the SSH host entry for " + entry.hostAlias() + ": paste it into your ~/.ssh/config, or use Add to SSH config.", false);
        });
    }

    /** Writes the launch's SSH host entry to Hangar's ssh config and includes that from ~/.ssh/config, once. */
    public void addToSshConfig() {
        AwsSession current = session.sessionProperty().get();
        if (!ready.get() || target == null || current == null) {
            return;
        }
        ConnectTarget t = target;
        AwsSettings settings = current.clients().settings();
        Tasks.create(() -> services.ssh().add(sshEntry(t, settings)))
                .onSuccess(update -> showStatus(String.join(" ", update.describe()) + " Then: ssh " + update.hostAlias()
                        + ", or VS Code's Remote-SSH: Connect to Host… " + update.hostAlias() + ".", false))
                .onError(Exception.class, e -> showStatus("Not added to your SSH config: " + Show.firstLine(e.getMessage()), true))
                .runOn(executor);
    }

    private void withSshEntry(Consumer<SshHostEntry> use) {
        AwsSession current = session.sessionProperty().get();
        if (!ready.get() || target == null || current == null) {
            return;
        }
        ConnectTarget t = target;
        AwsSettings settings = current.clients().settings();
        Tasks.create(() -> sshEntry(t, settings))
                .onSuccess(use::accept)
                .onError(Exception.class, e -> showStatus("No SSH host entry: " + Show.firstLine(e.getMessage()), true))
                .runOn(executor);
    }

    private SshHostEntry sshEntry(ConnectTarget t, AwsSettings settings) {
        LaunchRecord record = new JournalStore(home).load(t.launchId())
                .orElseThrow(() -> new IllegalArgumentException("launch " + t.launchId() + " is not in the journal at " + home));
        return SshHostEntry.of(SshTarget.of(record), home, settings, services.self().get());
    }

    /** Stops polling and following the session: the view is gone. */
    public void close() {
        poller.stop();
        watching = false;
        session.sessionProperty().removeListener(sessionChanged);
    }

    private void showStatus(String text, boolean error) {
        status.set(text);
        statusIsError.set(error);
    }
}
