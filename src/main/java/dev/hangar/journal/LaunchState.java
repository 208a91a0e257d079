package dev.hangar.journal;

/** Where a launch stands, as the journal records it. */
public enum LaunchState {
    /** Steps are running, or the process stopped while they were. */
    LAUNCHING,
    /** Every step succeeded: the instance is running. */
    SUCCEEDED,
    /** A step failed or the launch was cancelled; rollback is removing what was created. */
    ROLLING_BACK,
    /** Rolled back completely: nothing the launch created is left. */
    ROLLED_BACK,
    /** Rollback could not remove everything; the journal's resources say what may be left. */
    ROLLBACK_INCOMPLETE,
    DESTROYING,
    /** Destroy could not remove everything; the journal's resources say what may be left. */
    DESTROY_INCOMPLETE,
    DESTROYED;

    /** Whether resources of this launch may still exist in AWS. */
    public boolean mayHoldResources() {
        return this != ROLLED_BACK && this != DESTROYED;
    }
}
