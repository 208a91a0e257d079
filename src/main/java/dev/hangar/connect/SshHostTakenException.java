package dev.hangar.connect;

import java.nio.file.Path;

/** The user's ssh config already defines the host name Hangar would add; Hangar leaves the user's entry alone. */
public final class SshHostTakenException extends IllegalStateException {

    private final String hostAlias;

    SshHostTakenException(String hostAlias, Path userConfig, int line) {
        super(userConfig + " line " + line + " already has its own \"Host " + hostAlias + "\"; nothing was written."
                + " Remove or rename that entry, then run this again.");
        this.hostAlias = hostAlias;
    }

    public String hostAlias() {
        return hostAlias;
    }
}
