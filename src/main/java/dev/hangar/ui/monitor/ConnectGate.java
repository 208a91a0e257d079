package dev.hangar.ui.monitor;

import dev.hangar.monitor.MonitoredInstance;

/**
 * Whether a row of the monitor can be connected to at all, before Session Manager is asked: {@code hangar connect}
 * needs a launch of this machine's journal with a running instance.
 */
final class ConnectGate {

    private ConnectGate() {
    }

    /** Null when Session Manager may be asked, else why the connect buttons stay disabled. */
    static String whyNot(MonitoredInstance i) {
        if (i == null) {
            return "Select a launch to connect to it.";
        }
        if (!i.inJournal()) {
            return "Not in this machine's journal: hangar connect opens sessions on this machine's launches only.";
        }
        if (i.launchState() == null || !i.launchState().mayHoldResources()) {
            return "Launch " + i.launchId() + " is " + i.stateName() + ": there is nothing to connect to.";
        }
        if (i.instanceId() == null) {
            return "The launch has no instance.";
        }
        if (i.connect() != null && i.connect().startsWith("ssh ")) {
            // access=ssh: the role has no Session Manager policy, so asking would only wait.
            return "Access is ssh: Session Manager cannot reach this instance. Connect with: " + i.connect();
        }
        String state = i.instanceState();
        if ("running".equals(state)) {
            return null;
        }
        if ("stopped".equals(state) || "stopping".equals(state)) {
            return "The instance is " + state + ": start it first.";
        }
        if ("pending".equals(state)) {
            return "The instance is still starting; Session Manager can reach it a minute or two after it runs.";
        }
        return "The instance is " + MonitorFormats.orNone(state) + ".";
    }
}
