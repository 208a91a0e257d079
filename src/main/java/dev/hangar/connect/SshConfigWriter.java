package dev.hangar.connect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * "Add to SSH config": writes a launch's {@link SshHostEntry} to Hangar's own file and makes the user's
 * {@code ~/.ssh/config} include that file, once. Running it again for the same launch changes nothing in the
 * user's file and replaces the launch's block in Hangar's.
 */
public final class SshConfigWriter {

    private final UserSshConfig userConfig;

    /** @param userSshDirectory the user's {@code ~/.ssh} */
    public SshConfigWriter(Path userSshDirectory) {
        this.userConfig = new UserSshConfig(userSshDirectory);
    }

    /** For the user this process runs as: {@code ~/.ssh}, with {@code ~} the home ssh itself uses. */
    public static SshConfigWriter forThisUser() {
        return new SshConfigWriter(Path.of(System.getProperty("user.home"), ".ssh"));
    }

    /**
     * Writes the entry.
     *
     * @throws SshHostTakenException when {@code ~/.ssh/config} has a Host of that name of its own; nothing is written
     */
    public SshConfigUpdate add(SshHostEntry entry) throws IOException {
        OptionalInt taken = userConfig.ownHostLine(entry.hostAlias());
        if (taken.isPresent()) {
            throw new SshHostTakenException(entry.hostAlias(), userConfig.file(), taken.getAsInt());
        }
        List<String> replaced = HangarSshConfig.put(entry);
        boolean included = userConfig.includeAtTop(entry.files().config());
        return new SshConfigUpdate(entry.hostAlias(), entry.files().config(), userConfig.file(), included,
                replaced.stream().filter(id -> !id.equals(entry.target().launchId())).toList(),
                replaced.contains(entry.target().launchId()));
    }
}
