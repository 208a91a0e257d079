package dev.hangar.cli;

import dev.hangar.aws.AwsClients;
import dev.hangar.aws.AwsSettings;
import dev.hangar.aws.MissingCredentialsException;
import dev.hangar.catalog.CatalogCache;
import dev.hangar.catalog.CatalogService;
import dev.hangar.review.Reviewer;
import java.util.Optional;
import dev.hangar.journal.JournalStore;
import dev.hangar.provision.Launcher;
import dev.hangar.provision.Pacing;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The engine as the command line uses it, built from the global options; closes its AWS clients. */
final class Engine implements AutoCloseable {

    private final Path home;
    private final JournalStore journal;
    private final AwsSettings settings;
    private final Pacing pacing;
    private AwsClients aws;

    Engine(GlobalOptions options, Map<String, String> env) {
        this.home = JournalStore.home(options.home, env);
        this.journal = new JournalStore(home);
        this.settings = AwsSettings.of(options.profile, options.endpointUrl, env);
        this.pacing = options.fastPolling ? Pacing.fast() : Pacing.aws();
    }

    Path home() {
        return home;
    }

    JournalStore journal() {
        return journal;
    }

    /** Built on first use, so commands that need no AWS (a plan of an invalid spec) create no client. */
    synchronized AwsClients aws() {
        if (aws == null) {
            AwsClients clients = new AwsClients(settings);
            try {
                clients.requireCredentials();
            } catch (MissingCredentialsException e) {
                clients.close();
                throw e;
            }
            aws = clients;
        }
        return aws;
    }

    /** The clients when credentials can be found; empty means plan-only mode on the bundled catalog. */
    Optional<AwsClients> awsIfSignedIn() {
        try {
            return Optional.of(aws());
        } catch (MissingCredentialsException e) {
            return Optional.empty();
        }
    }

    Reviewer reviewer() {
        Optional<AwsClients> clients = awsIfSignedIn();
        return new Reviewer(clients, new CatalogService(clients, new CatalogCache(home, Clock.systemUTC()), Clock.systemUTC()), Clock.systemUTC());
    }

    /** How often to poll AWS while waiting: every few milliseconds against an emulator (--fast-polling). */
    Pacing pacing() {
        return pacing;
    }

    Launcher launcher() {
        return new Launcher(aws(), journal, home, pacing, Clock.systemUTC());
    }

    @Override
    public synchronized void close() {
        if (aws != null) {
            aws.close();
        }
    }
}
