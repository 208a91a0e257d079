package dev.hangar.ui.wizard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code Host} block for {@code ~/.ssh/config}, made from the launch's ssh command; written only when asked. */
record SshConfigEntry(String host, String hostName, String user, String identityFile) {

    private static final Pattern SSH = Pattern.compile("ssh -i (\\S+) ([^@\\s]+)@(\\S+)");

    /** Empty when the command is not {@code ssh -i KEY USER@HOST} (e.g. Session Manager). */
    static Optional<SshConfigEntry> from(String name, String connect) {
        Matcher m = SSH.matcher(connect == null ? "" : connect.trim());
        return m.matches() ? Optional.of(new SshConfigEntry("hangar-" + name, m.group(3), m.group(2), m.group(1))) : Optional.empty();
    }

    String text() {
        return "Host " + host + "\n    HostName " + hostName + "\n    User " + user + "\n    IdentityFile " + identityFile
                + "\n    IdentitiesOnly yes\n";
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
