package dev.hangar.provision;

import dev.hangar.journal.LaunchState;
import java.util.List;
import java.util.Map;

/**
 * How a launch (or a destroy) ended. Each kind carries what is true of it: a rolled-back launch names the
 * step that failed and why, an incomplete rollback what is left. Every kind reports the journal's outputs
 * (instanceId, availabilityZone, connect, …).
 */
public sealed interface LaunchOutcome {

    String launchId();

    String region();

    String message();

    Map<String, String> outputs();

    /** The state the journal ends in. */
    LaunchState state();

    default boolean succeeded() {
        return state() == LaunchState.SUCCEEDED;
    }

    /** The step whose failure ended the launch; null when none failed (launched, cancelled, destroyed). */
    default String failedStep() {
        return null;
    }

    /** Every step ran: the instance exists with everything the blueprint describes. */
    record Launched(String launchId, String region, String message, Map<String, String> outputs) implements LaunchOutcome {
        @Override
        public LaunchState state() {
            return LaunchState.SUCCEEDED;
        }
    }

    /** A step failed and everything created was removed. */
    record RolledBack(String launchId, String region, String message, Map<String, String> outputs, String failedStep, String cause)
            implements LaunchOutcome {
        @Override
        public LaunchState state() {
            return LaunchState.ROLLED_BACK;
        }
    }

    /** The user cancelled and everything created was removed. */
    record Cancelled(String launchId, String region, String message, Map<String, String> outputs) implements LaunchOutcome {
        @Override
        public LaunchState state() {
            return LaunchState.ROLLED_BACK;
        }
    }

    /**
     * A step failed (or the user cancelled: {@code failedStep} null) and rollback could not remove everything.
     *
     * @param left what is left, one line each
     */
    record RollbackIncomplete(String launchId, String region, String message, Map<String, String> outputs, String failedStep,
                              List<String> left) implements LaunchOutcome {
        public RollbackIncomplete {
            left = List.copyOf(left);
        }

        @Override
        public LaunchState state() {
            return LaunchState.ROLLBACK_INCOMPLETE;
        }
    }

    /**
     * The end of a destroy request: {@link LaunchState#DESTROYED}, {@link LaunchState#DESTROY_INCOMPLETE}, or the
     * state it was left in when a step before it ({@code failedStep}, e.g. the snapshot) failed.
     */
    record Removal(String launchId, String region, LaunchState state, String message, Map<String, String> outputs, String failedStep)
            implements LaunchOutcome {
        public Removal withMessage(String newMessage) {
            return new Removal(launchId, region, state, newMessage, outputs, failedStep);
        }
    }
}
