package dev.hangar.ui.monitor;

import dev.hangar.auth.AwsSession;
import dev.hangar.aws.AwsClients;
import dev.hangar.journal.JournalStore;
import dev.hangar.monitor.InstanceActions;
import dev.hangar.monitor.MonitorQuery;
import dev.hangar.monitor.MonitorService;
import dev.hangar.monitor.MonitorSnapshot;
import dev.hangar.provision.Launcher;
import dev.hangar.ui.wizard.WizardServices;
import java.util.Optional;

/**
 * The engine behind the monitor view, for whichever session the wizard holds at the moment: one
 * {@link MonitorService} per session (it keeps each region's prices), instance actions on its clients.
 * Everything here blocks; the view calls it off the FX thread only.
 */
final class MonitorEngine {

    /** Why a refresh or an action cannot reach AWS; shown inline, and the next refresh tries again. */
    static final String NOT_SIGNED_IN = "Not signed in: sign in on the wizard's Account step to read your instances";

    private final WizardServices services;
    private final JournalStore journal;
    private AwsSession session;
    private MonitorService monitor;

    MonitorEngine(WizardServices services) {
        this.services = services;
        this.journal = new JournalStore(services.home());
    }

    JournalStore journal() {
        return journal;
    }

    /** One refresh with the given session (null when signed out: only a journal without live launches can be read). */
    MonitorSnapshot refresh(AwsSession current, MonitorQuery query) {
        return monitorFor(current).refresh(query);
    }

    private synchronized MonitorService monitorFor(AwsSession current) {
        if (monitor == null || current != session) {
            Optional<AwsClients> clients = Optional.ofNullable(current).map(AwsSession::clients);
            // The clients are asked for only when a region has to be read, so a journal of ended launches needs no sign-in.
            monitor = new MonitorService(() -> clients.orElseThrow(() -> new IllegalStateException(NOT_SIGNED_IN)), journal,
                    services.catalog(clients), services.clock());
            session = current;
        }
        return monitor;
    }

    /** @throws IllegalStateException when signed out */
    InstanceActions actions(AwsSession current) {
        if (current == null) {
            throw new IllegalStateException(NOT_SIGNED_IN);
        }
        AwsClients aws = current.clients();
        Launcher launcher = new Launcher(aws, journal, services.home(), services.pacing(), services.clock());
        return new InstanceActions(aws, journal, launcher, services.pacing(), services.clock());
    }
}
