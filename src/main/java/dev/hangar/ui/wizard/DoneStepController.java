package dev.hangar.ui.wizard;

import dev.hangar.provision.LaunchOutcome;
import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.ui.CopyFeedback;
import dev.hangar.ui.concurrent.Tasks;
import dev.hangar.ui.connect.ConnectControls;
import dev.hangar.ui.connect.ConnectTarget;
import dev.hangar.ui.connect.ConnectViewModel;
import dev.hangar.ui.monitor.MonitorServices;
import dev.hangar.ui.monitor.MonitorWindow;
import java.util.Optional;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * How to connect to the new machine: buttons that open a terminal running {@code hangar connect} once Session Manager
 * reaches it, the command to copy, and an opt-in SSH host entry.
 */
final class DoneStepController implements StepController {

    private final ObservableValue<LaunchOutcome> outcome;
    private final ObservableValue<LaunchSpec> spec;
    private final WizardServices services;
    private final MonitorServices monitor;
    private final ConnectViewModel connect;
    private final Runnable launchAnother;
    private SshConfigEntry entry;

    @FXML private Label doneSummary;
    @FXML private TextField connectCommand;
    @FXML private Label connectHint;
    @FXML private Button openShellButton;
    @FXML private Button openJupyterButton;
    @FXML private Button forwardPortButton;
    @FXML private Button copySshHostButton;
    @FXML private Button addSshHostButton;
    @FXML private Label connectReason;
    @FXML private Button checkAgainButton;
    @FXML private Label connectStatus;
    @FXML private TextField instanceIdField;
    @FXML private TextField dataVolumeField;
    @FXML private VBox sshConfigBox;
    @FXML private Label sshConfigLabel;
    @FXML private TextArea sshConfigPreview;
    @FXML private Button addSshConfigButton;
    @FXML private Label sshConfigStatus;
    @FXML private Button openMonitorButton;
    @FXML private Button copyConnectButton;
    @FXML private Button copyInstanceIdButton;

    /**
     * @param outcome the launch's result
     * @param spec    the spec launched (its name, access and idle stop are shown)
     * @param monitor what the monitor opened from here works with
     * @param launchAnother back to the Region step for a new launch, the account and region kept
     */
    DoneStepController(ObservableValue<LaunchOutcome> outcome, ObservableValue<LaunchSpec> spec, WizardServices services,
            MonitorServices monitor, Runnable launchAnother) {
        this.launchAnother = launchAnother;
        this.outcome = outcome;
        this.spec = spec;
        this.services = services;
        this.monitor = monitor;
        this.connect = new ConnectViewModel(services.executor(), monitor.session(), services.connect(), services.engine().home());
    }

    @FXML
    private void initialize() {
        new ConnectControls(openShellButton, openJupyterButton, forwardPortButton, copySshHostButton, addSshHostButton, connectReason, checkAgainButton, connectStatus).bind(connect);
    }

    @Override
    public BooleanExpression canProceed() {
        return new ReadOnlyBooleanWrapper(false);
    }

    /** The instance exists: going back would only invite a second launch. */
    @Override
    public BooleanExpression canGoBack() {
        return new ReadOnlyBooleanWrapper(false);
    }

    @Override
    public void entered() {
        LaunchOutcome launched = outcome.getValue();
        if (launched == null) {
            return;
        }
        LaunchSpec s = spec.getValue();
        var out = launched.outputs();
        doneSummary.setText("Launched " + out.get("instanceId") + " in " + out.get("availabilityZone") + " (launch " + launched.launchId()
                + "). It bills by the second until stopped; Hangar stops it after " + s.idleStopMinutes() + " idle minutes"
                + (s.idleStopMinutes() == 0 ? " — never, as you chose." : "."));
        connectCommand.setText(out.getOrDefault("connect", ""));
        connectHint.setText(s.access() == Access.SSM
                ? "The buttons and this command need AWS's Session Manager plugin; the command needs the AWS CLI too."
                : "Only " + s.sshCidr() + " may connect over SSH; the buttons use Session Manager.");
        instanceIdField.setText(out.getOrDefault("instanceId", ""));
        String instanceId = out.get("instanceId");
        if (instanceId == null) {
            connect.unavailable("The launch has no instance to connect to.");
        } else if (s.access() == Access.SSH) {
            connect.unavailable("Access is ssh: Session Manager cannot reach this instance. Connect with the ssh command below.");
        } else {
            connect.watch(new ConnectTarget(launched.launchId(), instanceId, s.region()));
        }
        dataVolumeField.setText(out.getOrDefault("dataVolumeId", "") + " at /dev/sdh");
        Optional<SshConfigEntry> ssh = SshConfigEntry.from(s.name(), out.get("connect"));
        entry = ssh.orElse(null);
        sshConfigBox.setVisible(ssh.isPresent());
        sshConfigBox.setManaged(ssh.isPresent());
        ssh.ifPresent(e -> {
            sshConfigLabel.setText("Optional: add this entry to " + services.sshConfig() + " so that 'ssh " + e.host() + "' works.");
            sshConfigPreview.setText(e.text());
        });
    }

    @FXML
    void copyConnect() {
        CopyFeedback.copy(copyConnectButton, connectCommand.getText());
    }

    @FXML
    void copyInstanceId() {
        CopyFeedback.copy(copyInstanceIdButton, instanceIdField.getText());
    }

    /** The monitor, on the launch just made. */
    @FXML
    void openMonitor() {
        LaunchOutcome launched = outcome.getValue();
        MonitorWindow.open(openMonitorButton.getScene().getWindow(), monitor, launched == null ? null : launched.launchId());
    }

    /** A new launch from the Region step; this one's instance stays, in the monitor. */
    @FXML
    void launchAnother() {
        launchAnother.run();
    }

    @FXML
    void addSshConfig() {
        if (entry == null) {
            return;
        }
        SshConfigEntry e = entry;
        var file = services.sshConfig();
        Tasks.create(() -> {
            e.appendTo(file);
            return file;
        })
                .onSuccess(f -> {
                    sshConfigStatus.setText("Added \"Host " + e.host() + "\" to " + f + ".");
                    addSshConfigButton.setDisable(true);
                })
                .onError(Exception.class, ex -> sshConfigStatus.setText(ex.getMessage()))
                .runOn(services.executor());
    }
}
