package dev.hangar.ui.wizard;

import dev.hangar.auth.AwsProfiles;
import dev.hangar.auth.SessionOpener;
import dev.hangar.aws.AwsClients;
import dev.hangar.engine.EngineServices;
import dev.hangar.ui.auth.BrowserOpener;
import dev.hangar.ui.auth.SignInServices;
import dev.hangar.ui.concurrent.TaskExecutor;
import dev.hangar.ui.connect.ConnectServices;
import dev.hangar.ui.monitor.MonitorServices;
import java.nio.file.Path;

/**
 * What the wizard's steps need from outside the UI, handed in by the composition root (the app, or a test).
 *
 * @param engine    the engine's services for HANGAR_HOME (journal, keys, catalog cache, window placement)
 * @param sshConfig the file an opt-in SSH host entry is added to ({@code ~/.ssh/config})
 * @param signIn    signing in with IAM Identity Center (~/.aws, the browser)
 * @param connect   the terminal and the Session Manager checks behind the connect buttons (Done step, monitor)
 */
public record WizardServices(TaskExecutor executor, SessionOpener sessions, AwsProfiles profiles, IpDetector ipDetector,
        FileSaver fileSaver, EngineServices engine, Path sshConfig, SignInServices signIn, ConnectServices connect) {

    /** Without a terminal to open (the connect buttons say to run the command by hand). */
    public WizardServices(TaskExecutor executor, SessionOpener sessions, AwsProfiles profiles, IpDetector ipDetector,
            FileSaver fileSaver, EngineServices engine, Path sshConfig, SignInServices signIn) {
        this(executor, sessions, profiles, ipDetector, fileSaver, engine, sshConfig, signIn, ConnectServices.unavailable());
    }

    /** Without IAM Identity Center sign-in (its button is disabled). */
    public WizardServices(TaskExecutor executor, SessionOpener sessions, AwsProfiles profiles, IpDetector ipDetector,
            FileSaver fileSaver, EngineServices engine, Path sshConfig) {
        this(executor, sessions, profiles, ipDetector, fileSaver, engine, sshConfig, SignInServices.unavailable());
    }

    /**
     * The real ones, as the desktop app wires them (and the class-data archive's rehearsal of its views): AWS from the
     * user's profiles, the address from AWS's checkip, a file chooser, a browser, a terminal.
     */
    public static WizardServices forUser(TaskExecutor executor, EngineServices engine, Path sshConfig, BrowserOpener browser) {
        return new WizardServices(executor, new SessionOpener(AwsClients::new), AwsProfiles.ofUser(),
                new CheckIpDetector(CheckIpDetector.AWS_CHECKIP, java.time.Duration.ofSeconds(3)), FileSaver.chooser(), engine, sshConfig,
                SignInServices.forUser(browser), ConnectServices.forUser());
    }

    /** What the monitor opened from the wizard works with: the wizard's session, and its region to look in too. */
    MonitorServices monitor(WizardState state) {
        return new MonitorServices(executor, engine, state.session(), state.regionProperty(), connect);
    }

    /** Where a new key pair's private key is saved; the engine's key pair step writes it there. */
    public Path keyFile(String keyName) {
        return engine.home().resolve("keys").resolve(keyName + ".pem");
    }
}
