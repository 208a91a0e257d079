package dev.hangar.provision;

import dev.hangar.journal.LaunchState;

/** What a launch, rollback or destroy reports as it goes; the command line prints these, the wizard binds to them. */
public sealed interface LaunchEvent {

    /** A human-readable line for logs and the command line. */
    String describe();

    record StepStarted(String stepId, String title) implements LaunchEvent {
        public String describe() {
            return "… " + title;
        }
    }

    /** A step waits on AWS (instance starting, IAM propagating); it is not stuck. */
    record StepWaiting(String stepId, String message) implements LaunchEvent {
        public String describe() {
            return "  waiting: " + message;
        }
    }

    record StepSucceeded(String stepId, String title, String detail) implements LaunchEvent {
        public String describe() {
            return "✓ " + title + (detail == null || detail.isEmpty() ? "" : " — " + detail);
        }
    }

    record StepFailed(String stepId, String title, String message) implements LaunchEvent {
        public String describe() {
            return "✗ " + title + ": " + message;
        }
    }

    record RollbackStarted(String reason) implements LaunchEvent {
        public String describe() {
            return "Rolling back: " + reason;
        }
    }

    record ResourceRemoved(String type, String id) implements LaunchEvent {
        public String describe() {
            return "  removed " + type + " " + id;
        }
    }

    record ResourceKept(String type, String id) implements LaunchEvent {
        public String describe() {
            return "  kept " + type + " " + id;
        }
    }

    record ResourceRemovalFailed(String type, String id, String message) implements LaunchEvent {
        public String describe() {
            return "  could not remove " + type + " " + id + ": " + message;
        }
    }

    /** Fraction of the steps done, 0..1. */
    record Progress(int done, int total) implements LaunchEvent {
        public double fraction() {
            return total == 0 ? 1 : (double) done / total;
        }

        public String describe() {
            return done + "/" + total + " steps";
        }
    }

    record Finished(LaunchState state, String message) implements LaunchEvent {
        public String describe() {
            return message;
        }
    }
}
