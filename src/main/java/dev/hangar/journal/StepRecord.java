package dev.hangar.journal;

import java.time.Instant;

/** One step's line in the journal. */
public record StepRecord(String id, StepState state, Instant startedAt, Instant finishedAt, String error) {

    public static StepRecord pending(String id) {
        return new StepRecord(id, StepState.PENDING, null, null, null);
    }

    public StepRecord started(Instant at) {
        return new StepRecord(id, StepState.RUNNING, at, null, null);
    }

    public StepRecord finished(StepState end, Instant at, String failure) {
        return new StepRecord(id, end, startedAt, at, failure);
    }
}
