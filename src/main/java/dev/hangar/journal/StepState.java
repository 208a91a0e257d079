package dev.hangar.journal;

/** One step of a launch, as the journal records it. */
public enum StepState {
    PENDING, RUNNING, DONE, FAILED, ROLLING_BACK, ROLLED_BACK, SKIPPED
}
