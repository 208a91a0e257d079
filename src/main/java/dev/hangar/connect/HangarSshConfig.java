package dev.hangar.connect;

import dev.hangar.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hangar's own ssh_config file, which the user's {@code ~/.ssh/config} includes: one block per launch between two
 * marker comments, so that writing a launch again replaces its block and leaves the others as they are.
 */
final class HangarSshConfig {

    private static final String HEADER = "# Hangar's SSH hosts, written by 'hangar ssh-config --write' and included from ~/.ssh/config.\n"
            + "# Each block is replaced when its launch is written again; edit ~/.ssh/config instead.\n";
    private static final Pattern BEGIN = Pattern.compile("# >>> hangar launch (\\S+)");
    private static final String END = "# <<< hangar launch ";

    private HangarSshConfig() {
    }

    /**
     * Puts the entry's block in Hangar's file (0600, in a 0700 folder), replacing the block of the same launch and any other block with
     * the same host name: that name now means this launch.
     *
     * @return the launch IDs whose blocks were replaced, this launch's own included
     */
    static List<String> put(SshHostEntry entry) throws IOException {
        Path file = entry.files().config();
        List<String> kept = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        List<String> lines = Files.exists(file) ? SshConfigLines.lines(Files.readAllBytes(file)) : List.of();
        for (int i = 0; i < lines.size(); i++) {
            Matcher begin = BEGIN.matcher(lines.get(i));
            if (!begin.matches()) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).equals(END + begin.group(1))) {
                end++;
            }
            List<String> block = lines.subList(i, Math.min(end + 1, lines.size()));
            boolean sameHost = block.stream().map(l -> SshConfigLines.arguments(l, "Host"))
                    .anyMatch(args -> args != null && args.stream().anyMatch(entry.hostAlias()::equalsIgnoreCase));
            if (begin.group(1).equals(entry.target().launchId()) || sameHost) {
                replaced.add(begin.group(1));
            } else {
                kept.add(String.join("\n", block) + "\n");
            }
            i = end;
        }
        StringBuilder text = new StringBuilder(HEADER);
        for (String block : kept) {
            text.append('\n').append(block);
        }
        text.append('\n').append(block(entry));
        entry.files().createDirectory();
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        return replaced;
    }

    static String block(SshHostEntry entry) {
        String id = entry.target().launchId();
        return "# >>> hangar launch " + id + "\n" + entry.text() + END + id + "\n";
    }
}
