package dev.hangar.connect;

/** The local end of the port forward is taken on this machine (often by a local Jupyter), so another must be chosen. */
public final class LocalPortInUseException extends JupyterStartException {

    private final int port;

    public LocalPortInUseException(int port) {
        // Another server there would get the browser, and the token, instead of the instance's JupyterLab.
        super("localhost:" + port + " is already in use on this machine (a local Jupyter?): forward to another local port");
        this.port = port;
    }

    public int port() {
        return port;
    }
}
