package dev.hangar.connect;

import java.net.URI;

/**
 * JupyterLab running on the instance and forwarded to this machine, for as long as the port forward ({@link #forwarding()},
 * the plugin's process) runs. Closing it ends the forward; JupyterLab goes on running on the instance.
 *
 * @param url           the tokenised address: show it to the user once, never log it
 * @param browserOpened false when this machine has no browser opener, so the user must open {@code url}
 */
public record JupyterSession(URI url, boolean browserOpened, Process forwarding) implements AutoCloseable {

    /** Waits for the port forward to end (the user's Ctrl-C, or the session closing) and returns the plugin's exit code. */
    public int waitFor() throws InterruptedException {
        return forwarding.waitFor();
    }

    @Override
    public void close() {
        forwarding.destroy();
    }

    @Override
    public String toString() {
        return "JupyterSession[localhost:" + url.getPort() + ", browserOpened=" + browserOpened + "]";
    }
}
