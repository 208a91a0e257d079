package dev.hangar.ui.wizard;

import java.util.Optional;

/** Finds the address this computer reaches the internet from, to open SSH to it alone. */
@FunctionalInterface
public interface IpDetector {

    /** The public IPv4 or IPv6 address; empty when it cannot be found (offline, timed out). */
    Optional<String> detect();
}
