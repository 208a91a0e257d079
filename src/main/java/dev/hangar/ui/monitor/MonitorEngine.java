package dev.hangar.ui.monitor;

import dev.hangar.auth.AwsSession;
import dev.hangar.aws.AwsClients;
import dev.hangar.engine.EngineServices;
import dev.hangar.monitor.InstanceActions;
import dev.hangar.monitor.MonitorQuery;
import dev.hangar.monitor.MonitorService;
import dev.hangar.monitor.MonitorSnapshot;
import java.util.Optional;

/**
 * The engine behind the monitor view, for whichever session is signed in at the moment: one
 * {@link MonitorService} per session (it keeps each region's prices), instance actions on its clients.
 * Everything here blocks; the view calls it off the FX thread only.
 */
final class MonitorEngine {

    /** Why a refresh or an action cannot reach AWS; shown inline, and the next refresh tries again. */
    static final String NOT_SIGNED_IN = "Not signed in: sign in on the wizard's Account step to read your instances";

    private final EngineServices engine;
    private AwsSession session;
    private MonitorService monitor;

    MonitorEngine(EngineServices engine) {
        this.engine = engine;
    }

    /** One refresh with the given session (null when signed out: only a journal without live launches can be read). */
    MonitorSnapshot refresh(AwsSession current, MonitorQuery query) {
        return monitorFor(current).refresh(query);
    }

    private synchronized MonitorService monitorFor(AwsSession current) {
        if (monitor == null || current != session) {
            Optional<AwsClients> clients = Optional.ofNullable(current).map(AwsSession::clients);
            // The clients are asked for only when a region has to be read, so a journal of ended launches needs no sign-in.
            monitor = engine.monitor(() -> clients.orElseThrow(() -> new IllegalStateException(NOT_SIGNED_IN)), clients);
            session = current;
        }
        return monitor;
    }

    /** @throws IllegalStateException when signed out */
    InstanceActions actions(AwsSession current) {
        if (current == null) {
            throw new IllegalStateException(NOT_SIGNED_IN);
        }
        return engine.instanceActions(current.clients());
    }
}
