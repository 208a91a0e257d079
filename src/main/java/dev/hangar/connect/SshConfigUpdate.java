package dev.hangar.connect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link SshConfigWriter#add} did.
 *
 * @param includeAdded      whether the Include line was added to the user's file now (false: it was there already)
 * @param replacedLaunches  other launches whose entry had the same host name, and was replaced
 * @param rewritten         whether this launch had an entry already (now replaced by the current one)
 */
public record SshConfigUpdate(String hostAlias, Path hangarConfig, Path userConfig, boolean includeAdded,
                              List<String> replacedLaunches, boolean rewritten) {

    public SshConfigUpdate {
        replacedLaunches = List.copyOf(replacedLaunches);
    }

    /** For the user, one sentence a line. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add((rewritten ? "Updated " : "Wrote ") + "Host " + hostAlias + " in " + hangarConfig);
        replacedLaunches.forEach(id -> lines.add("It replaces the entry of launch " + id + ", which had the same name"));
        lines.add(includeAdded ? "Added \"Include " + hangarConfig + "\" at the top of " + userConfig
                : userConfig + " already includes it; left unchanged");
        lines.add("Connect with: ssh " + hostAlias + " (scp, rsync and VS Code Remote-SSH use the same name)");
        return lines;
    }
}
