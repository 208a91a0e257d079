package dev.hangar.connect;

import dev.hangar.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The user's own {@code ~/.ssh/config}, which Hangar changes in one way only: an {@code Include} of Hangar's file as
 * its first line, added once. At the top, because ssh applies an Include inside a {@code Host} block to that host
 * alone. Every byte that was in the file stays as it was, after the added lines.
 */
final class UserSshConfig {

    private final Path file;
    private final Path userHome;

    /** @param sshDirectory the user's {@code ~/.ssh} */
    UserSshConfig(Path sshDirectory) {
        this.file = sshDirectory.resolve("config");
        this.userHome = sshDirectory.toAbsolutePath().getParent();
    }

    Path file() {
        return file;
    }

    /** The line (1-based) of the file's own {@code Host} directive naming {@code alias}, if it has one. */
    OptionalInt ownHostLine(String alias) throws IOException {
        if (!Files.exists(file)) {
            return OptionalInt.empty();
        }
        List<String> lines = SshConfigLines.lines(Files.readAllBytes(file));
        for (int i = 0; i < lines.size(); i++) {
            List<String> hosts = SshConfigLines.arguments(lines.get(i), "Host");
            if (hosts != null && hosts.stream().anyMatch(alias::equalsIgnoreCase)) {
                return OptionalInt.of(i + 1);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Puts {@code Include <included>} at the top unless an Include of it is there already; creates the file (0600)
     * and the folder (0700) when missing. A symbolic link (dotfiles kept in a repository) is followed, not replaced;
     * the file keeps its mode.
     *
     * @return whether the file changed
     */
    boolean includeAtTop(Path included) throws IOException {
        Path target = Files.exists(file) ? file.toRealPath() : file;
        byte[] before = Files.exists(target) ? Files.readAllBytes(target) : new byte[0];
        if (includes(before, included)) {
            return false;
        }
        String eol = usesCrLf(before) ? "\r\n" : "\n";
        byte[] added = ("# Added by Hangar (hangar ssh-config --write): the hosts of its launches" + eol
                + "Include " + SshConfigWord.literalPath(included.toString()) + eol + (before.length == 0 ? "" : eol))
                .getBytes(StandardCharsets.UTF_8);
        byte[] after = new byte[added.length + before.length];
        System.arraycopy(added, 0, after, 0, added.length);
        System.arraycopy(before, 0, after, added.length, before.length);
        Set<PosixFilePermission> mode = Files.exists(target) && posix(target)
                ? Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS) : AtomicFiles.OWNER_ONLY;
        if (!Files.exists(target.getParent())) {
            HangarSshFiles.ownerOnlyDirectory(target.getParent());
        }
        AtomicFiles.write(target, after, mode);
        return true;
    }

    private boolean includes(byte[] content, Path included) {
        String wanted = included.toAbsolutePath().normalize().toString();
        for (String line : SshConfigLines.lines(content)) {
            List<String> paths = SshConfigLines.arguments(line, "Include");
            if (paths != null && paths.stream().map(this::expandHome).anyMatch(wanted::equals)) {
                return true;
            }
        }
        return false;
    }

    /** ssh reads {@code ~/} as the user's home and a relative path as relative to {@code ~/.ssh}. */
    private String expandHome(String path) {
        Path p = path.startsWith("~/") ? userHome.resolve(path.substring(2)) : file.getParent().resolve(path);
        return p.toAbsolutePath().normalize().toString();
    }

    private static boolean usesCrLf(byte[] content) {
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                return i > 0 && content[i - 1] == '\r';
            }
        }
        return false;
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
