package dev.hangar.monitor;

import java.time.Instant;

/**
 * One event of a run's log group, as {@code hangar logs} prints it and the monitor's Logs tab shows it.
 *
 * @param time    the event's timestamp (when the instance wrote it)
 * @param stream  {@link dev.hangar.blueprint.RunModel#RUN_STREAM} (stdout and stderr) or
 *                {@link dev.hangar.blueprint.RunModel#STATE_STREAM} (one JSON line per change of the run's state)
 * @param message the line as written; for a state event its JSON
 * @param state   the state event read from {@code message}; null for a line of output (or a state line that is not JSON)
 */
public record LogLine(Instant time, String stream, String message, RunStateEvent state) {

    /** The line for a person: output as written, a change of state in words. */
    public String text() {
        return state == null ? message : "── " + state.words() + " ──";
    }
}
