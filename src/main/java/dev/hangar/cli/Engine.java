package dev.hangar.cli;

import dev.hangar.aws.AwsClients;
import dev.hangar.aws.AwsSettings;
import dev.hangar.aws.MissingCredentialsException;
import dev.hangar.engine.EngineServices;
import dev.hangar.journal.JournalStore;
import dev.hangar.monitor.InstanceActions;
import dev.hangar.monitor.MonitorService;
import dev.hangar.provision.Launcher;
import dev.hangar.provision.Pacing;
import dev.hangar.review.Reviewer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The engine as the command line uses it, built from the global options: the shared {@link EngineServices}
 * plus the one set of AWS clients a command works with, created on first use and closed at the end.
 */
final class Engine implements AutoCloseable {

    private final EngineServices services;
    private final AwsSettings settings;
    private AwsClients aws;

    Engine(GlobalOptions options, Map<String, String> env) {
        this.services = new EngineServices(JournalStore.home(options.home, env),
                options.fastPolling ? Pacing.fast() : Pacing.aws(), Clock.systemUTC());
        this.settings = AwsSettings.of(options.profile, options.endpointUrl, env).withInsecureEndpointAllowed(options.allowInsecureEndpoint);
    }

    Path home() {
        return services.home();
    }

    JournalStore journal() {
        return services.journal();
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
        return services.reviewer(awsIfSignedIn());
    }

    /** How often to poll AWS while waiting: every few milliseconds against an emulator (--fast-polling). */
    Pacing pacing() {
        return services.pacing();
    }

    /** The AWS settings the global options and the environment give: profile and endpoint. */
    AwsSettings settings() {
        return settings;
    }

    Launcher launcher() {
        return services.launcher(aws());
    }

    /** The monitor; read-only commands without credentials still read the journal and the bundled prices. */
    MonitorService monitor() {
        return services.monitor(this::aws, awsIfSignedIn());
    }

    InstanceActions instanceActions() {
        return services.instanceActions(aws());
    }

    @Override
    public synchronized void close() {
        if (aws != null) {
            aws.close();
        }
    }
}
