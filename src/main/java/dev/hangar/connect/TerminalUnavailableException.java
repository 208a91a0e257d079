package dev.hangar.connect;

/** No terminal window could be opened; the message ends with the command to run by hand. */
public final class TerminalUnavailableException extends Exception {

    public TerminalUnavailableException(String message) {
        super(message);
    }
}
