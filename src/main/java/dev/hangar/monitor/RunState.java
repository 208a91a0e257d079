package dev.hangar.monitor;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Where a launch's run is, in one phase and plain words: its latest {@code state} event read together with the
 * instance's state and the idle-stop alarm, because the instance cannot write "I was stopped".
 *
 * @param phase    what the CLI's JSON ({@link Phase#wireName()}) and the monitor's styling use
 * @param exitCode the command's exit code once the run ended; null before
 * @param words    the phase for a person: "failed (exit 3)", "stopped when the run ended (succeeded)"
 */
public record RunState(Phase phase, Integer exitCode, String words) {

    public enum Phase {
        WAITING_FOR_MACHINE, SETTING_UP, RUNNING, SUCCEEDED, FAILED, STOPPED_WHEN_DONE, STOPPED_BY_IDLE, UNKNOWN;

        /** {@code waiting-for-machine}, {@code stopped-by-idle}, …: the JSON value (a contract). */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final Set<String> STOPPED = Set.of("stopping", "stopped", "shutting-down");
    private static final Set<String> GONE = Set.of("terminated", MonitoredInstance.NOT_FOUND);

    /**
     * @param latest        the run's latest state event; null when it has written none
     * @param instanceState EC2's state name, {@link MonitoredInstance#NOT_FOUND}, or null when it could not be read
     * @param launchTime    the instance's last start; a state older than it is from before a stop
     * @param alarm         the idle-stop alarm; null when there is none
     * @param stopWhenDone  the spec's {@code run.stopWhenDone}
     */
    public static RunState of(RunStateEvent latest, String instanceState, Instant launchTime, IdleAlarm alarm, boolean stopWhenDone) {
        boolean ended = latest != null && latest.ended();
        if (instanceState == null || GONE.contains(instanceState)) {
            String why = instanceState == null ? "the instance's state could not be read" : "the instance is " + instanceState;
            return ended ? outcome(latest, "") : new RunState(Phase.UNKNOWN, null, "unknown: " + why);
        }
        if (STOPPED.contains(instanceState)) {
            if (ended && stopWhenDone) {
                return new RunState(Phase.STOPPED_WHEN_DONE, latest.exitCode(), "stopped when the run ended (" + latest.words() + ")");
            }
            if (alarm != null && "ALARM".equals(alarm.state())) {
                return new RunState(Phase.STOPPED_BY_IDLE, ended ? latest.exitCode() : null, "stopped by idle (the idle-stop alarm)"
                        + (latest == null ? "" : "; the run had " + (ended ? latest.words() : "reached: " + latest.words())));
            }
            if (ended) {
                return outcome(latest, "; the machine was stopped");
            }
            return new RunState(Phase.WAITING_FOR_MACHINE, null, "waiting for the machine: it is " + instanceState
                    + (latest == null ? "" : "; the run starts again when it starts"));
        }
        if (latest == null) {
            return new RunState(Phase.WAITING_FOR_MACHINE, null, "waiting for the machine to start the run");
        }
        if (!ended && launchTime != null && latest.time() != null && latest.time().isBefore(launchTime)) {
            // Written before the last stop: the unit starts the command again, which reports afresh.
            return new RunState(Phase.WAITING_FOR_MACHINE, null, "waiting for the run to start again after a restart");
        }
        return switch (latest.state()) {
            case RunStateEvent.SETTING_UP -> new RunState(Phase.SETTING_UP, null, latest.words());
            case RunStateEvent.RUNNING -> new RunState(Phase.RUNNING, null, latest.words());
            case RunStateEvent.SUCCEEDED, RunStateEvent.FAILED -> outcome(latest, stopWhenDone ? "; the machine is stopping itself" : "");
            default -> new RunState(Phase.UNKNOWN, null, "unknown (the instance reported '" + latest.state() + "')");
        };
    }

    private static RunState outcome(RunStateEvent latest, String more) {
        return new RunState(RunStateEvent.SUCCEEDED.equals(latest.state()) ? Phase.SUCCEEDED : Phase.FAILED, latest.exitCode(),
                latest.words() + more);
    }

    /** Why the instance stopped, when the run tells: its run ended with stopWhenDone, or it was idle. */
    public java.util.Optional<String> stopReason() {
        return phase == Phase.STOPPED_WHEN_DONE || phase == Phase.STOPPED_BY_IDLE ? java.util.Optional.of(words) : java.util.Optional.empty();
    }
}
