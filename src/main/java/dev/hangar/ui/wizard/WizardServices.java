package dev.hangar.ui.wizard;

import dev.hangar.auth.AwsProfiles;
import dev.hangar.auth.SessionOpener;
import dev.hangar.aws.AwsClients;
import dev.hangar.catalog.CatalogCache;
import dev.hangar.catalog.CatalogService;
import dev.hangar.journal.JournalStore;
import dev.hangar.provision.Launcher;
import dev.hangar.provision.Pacing;
import dev.hangar.review.Reviewer;
import dev.hangar.ui.auth.SignInServices;
import dev.hangar.ui.concurrent.TaskExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * What the wizard's steps need from outside the UI, handed in by the composition root (the app, or a test).
 *
 * @param home      HANGAR_HOME: journal, keys, catalog cache, window placement
 * @param sshConfig the file an opt-in SSH host entry is added to ({@code ~/.ssh/config})
 * @param signIn    signing in with IAM Identity Center (~/.aws, the browser)
 */
public record WizardServices(TaskExecutor executor, SessionOpener sessions, AwsProfiles profiles, IpDetector ipDetector,
        FileSaver fileSaver, Path home, Path sshConfig, Clock clock, Pacing pacing, SignInServices signIn) {

    /** Without IAM Identity Center sign-in (its button is disabled). */
    public WizardServices(TaskExecutor executor, SessionOpener sessions, AwsProfiles profiles, IpDetector ipDetector,
            FileSaver fileSaver, Path home, Path sshConfig, Clock clock, Pacing pacing) {
        this(executor, sessions, profiles, ipDetector, fileSaver, home, sshConfig, clock, pacing, SignInServices.unavailable());
    }

    public CatalogCache cache() {
        return new CatalogCache(home, clock);
    }

    public CatalogService catalog(Optional<AwsClients> aws) {
        return new CatalogService(aws, cache(), clock);
    }

    public Reviewer reviewer(Optional<AwsClients> aws) {
        return new Reviewer(aws, catalog(aws), clock);
    }

    public Launcher launcher(AwsClients aws) {
        return new Launcher(aws, new JournalStore(home), home, pacing, clock);
    }

    /** Where a new key pair's private key is saved; the engine's key pair step writes it there. */
    public Path keyFile(String keyName) {
        return home.resolve("keys").resolve(keyName + ".pem");
    }
}
