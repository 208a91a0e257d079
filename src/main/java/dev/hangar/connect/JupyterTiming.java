package dev.hangar.connect;

import java.time.Duration;

/**
 * How often and how long to wait while JupyterLab starts: for the Run Command to finish, and for the port forward to
 * accept connections. Tests against an emulator poll every few milliseconds.
 */
public record JupyterTiming(Duration poll, Duration commandTimeout, Duration portTimeout) {

    /** The script may run {@link JupyterStartScript#EXECUTION_TIMEOUT_SECONDS} once delivered; a little more for both. */
    public static JupyterTiming aws() {
        return new JupyterTiming(Duration.ofSeconds(2), Duration.ofSeconds(JupyterStartScript.DELIVERY_TIMEOUT_SECONDS
                + JupyterStartScript.EXECUTION_TIMEOUT_SECONDS + 60), Duration.ofSeconds(60));
    }

    public static JupyterTiming fast() {
        return new JupyterTiming(Duration.ofMillis(20), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }
}
