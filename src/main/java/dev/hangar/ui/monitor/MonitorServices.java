package dev.hangar.ui.monitor;

import dev.hangar.engine.EngineServices;
import dev.hangar.ui.concurrent.TaskExecutor;
import dev.hangar.ui.session.SessionModel;
import javafx.beans.value.ObservableStringValue;

/**
 * What the monitor needs from the window that opens it.
 *
 * @param session the app's signed-in session: refreshes and actions use whichever is current
 * @param region  a region to read too, for instances tagged by Hangar that the journal does not know (the wizard's)
 */
public record MonitorServices(TaskExecutor executor, EngineServices engine, SessionModel session, ObservableStringValue region) {
}
