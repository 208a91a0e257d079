package dev.hangar.connect;

/** JupyterLab could not be started or reached; the message says why, in the user's terms, with no token in it. */
public class JupyterStartException extends Exception {

    public JupyterStartException(String message) {
        super(message);
    }
}
