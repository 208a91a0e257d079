package dev.hangar.ui.monitor;

import dev.hangar.engine.EngineServices;
import dev.hangar.ui.concurrent.TaskExecutor;
import dev.hangar.ui.connect.ConnectServices;
import dev.hangar.ui.session.SessionModel;
import javafx.beans.value.ObservableStringValue;

/**
 * What the monitor needs from the window that opens it.
 *
 * @param session the app's signed-in session: refreshes and actions use whichever is current
 * @param region  a region to read too, for instances tagged by Hangar that the journal does not know (the wizard's)
 * @param connect the terminal and the Session Manager checks behind the connect buttons
 */
public record MonitorServices(TaskExecutor executor, EngineServices engine, SessionModel session, ObservableStringValue region,
        ConnectServices connect) {

    /** Without a terminal to open (the connect buttons say to run the command by hand). */
    public MonitorServices(TaskExecutor executor, EngineServices engine, SessionModel session, ObservableStringValue region) {
        this(executor, engine, session, region, ConnectServices.unavailable());
    }
}
