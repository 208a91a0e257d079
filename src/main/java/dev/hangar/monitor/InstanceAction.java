package dev.hangar.monitor;

import java.util.Locale;

/** What the monitor can do to a launch's instance; destroy is {@link InstanceActions#destroy}. */
public enum InstanceAction {
    STOP("Stop the instance"),
    START("Start the instance"),
    REBOOT("Reboot the instance"),
    /** Before a destroy: a snapshot of the data volume that outlives it. */
    SNAPSHOT("Snapshot the data volume");

    private final String title;

    InstanceAction(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** As the journal's {@code lastAction} records it: {@code stop}, {@code start}, … */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The step ID its progress events carry, e.g. {@code stop-instance}. */
    public String stepId() {
        return this == SNAPSHOT ? "snapshot-data-volume" : wireName() + "-instance";
    }
}
