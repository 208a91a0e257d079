package dev.hangar.ui.wizard;

import dev.hangar.spec.ShellWord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code Host} block for {@code ~/.ssh/config}, made from the launch's ssh command; written only when asked. */
record SshConfigEntry(String host, String hostName, String user, String identityFile) {

    /** The key is one shell word: plain, or single-quoted by {@link ShellWord#quote}. */
    private static final Pattern SSH = Pattern.compile("ssh -i ('(?:[^']|'\\\\'')*'|\\S+) ([^@\\s]+)@(\\S+)");

    /**
     * Empty when the command is not {@code ssh -i KEY USER@HOST} (e.g. Session Manager), or when the key's path holds a
     * character ssh_config cannot quote (a double quote, a line break).
     */
    static Optional<SshConfigEntry> from(String name, String connect) {
        Matcher m = SSH.matcher(connect == null ? "" : connect.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String key = ShellWord.unquote(m.group(1));
        return key.contains("\"") || key.contains("\n") ? Optional.empty()
                : Optional.of(new SshConfigEntry("hangar-" + name, m.group(3), m.group(2), key));
    }

    String text() {
        return "Host " + host + "\n    HostName " + hostName + "\n    User " + user + "\n    IdentityFile " + configWord(identityFile)
                + "\n    IdentitiesOnly yes\n";
    }

    /** ssh_config expands %-tokens in IdentityFile and splits at spaces: %% is a literal %, double quotes group. */
    private static String configWord(String path) {
        String literal = path.replace("%", "%%");
        return literal.chars().anyMatch(Character::isWhitespace) || literal.contains("'") ? "\"" + literal + "\"" : literal;
    }

    /**
     * Appends the block, creating the file (mode 0600 where the file system has modes) if needed.
     *
     * @throws IllegalStateException when the file already has a block for this host: it is not overwritten
     */
    void appendTo(Path config) throws IOException {
        if (Files.exists(config) && Files.readAllLines(config).stream().anyMatch(l -> l.trim().equals("Host " + host))) {
            throw new IllegalStateException(config + " already has a \"Host " + host + "\" entry; it was left as it is");
        }
        Files.createDirectories(config.getParent());
        boolean created = !Files.exists(config);
        String before = created || Files.size(config) == 0 || Files.readString(config).endsWith("\n") ? "" : "\n";
        Files.writeString(config, before + "\n" + text(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (created) {
            try {
                Files.setPosixFilePermissions(config, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Windows: no POSIX modes; OpenSSH there checks ACLs instead.
            }
        }
    }
}
