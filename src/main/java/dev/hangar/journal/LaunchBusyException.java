package dev.hangar.journal;

/** Another Hangar process (or another task of this one) is launching, resuming or destroying this launch right now. */
public final class LaunchBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String launchId;

    public LaunchBusyException(String launchId) {
        super("launch " + launchId + " is being launched, resumed or destroyed by another Hangar process right now; "
                + "wait for it to finish (or press Ctrl-C there: it rolls back), then try again");
        this.launchId = launchId;
    }

    public String launchId() {
        return launchId;
    }
}
