package dev.hangar.ui.monitor;

import dev.hangar.monitor.MonitoredInstance;

/**
 * What the monitor's buttons do, and when each makes sense for a row. The engine refuses the rest
 * with a reason too; the buttons only keep people from asking.
 */
enum MonitorAction {
    STOP("Stop"), START("Start"), REBOOT("Reboot"), DESTROY("Destroy");

    private final String label;

    MonitorAction(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Null when the action makes sense for the row, else why not (the button's tooltip). */
    String whyNot(MonitoredInstance i) {
        if (i == null) {
            return "Select an instance.";
        }
        if (!i.inJournal()) {
            return "Not in this machine's journal: Hangar acts only on its own launches (see 'hangar sweep').";
        }
        if (i.launchState() == null || !i.launchState().mayHoldResources()) {
            return "Launch " + i.launchId() + " is " + i.stateName() + ": nothing is left to act on.";
        }
        if (this == DESTROY) {
            return null; // whatever EC2 says, the launch may hold resources: destroy removes what is left
        }
        if (i.instanceId() == null) {
            return "The launch has no instance.";
        }
        String state = i.instanceState();
        return switch (this) {
            case STOP, REBOOT -> "running".equals(state) || this == STOP && "pending".equals(state) ? null
                    : "The instance is " + MonitorFormats.orNone(state) + ".";
            case START -> "stopped".equals(state) ? null : "Only a stopped instance can be started; it is " + MonitorFormats.orNone(state) + ".";
            case DESTROY -> null;
        };
    }

    boolean allowed(MonitoredInstance i) {
        return whyNot(i) == null;
    }
}
