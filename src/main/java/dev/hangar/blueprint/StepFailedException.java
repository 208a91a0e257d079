package dev.hangar.blueprint;

/** A step failed for a reason the user can act on; the message says what happened and what to do. */
public class StepFailedException extends Exception {

    public StepFailedException(String message) {
        super(message);
    }

    public StepFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
