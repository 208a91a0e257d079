package dev.hangar.connect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Hangar's own ssh files under its home: {@code ssh/config} (one Host block per launch, included from the user's
 * {@code ~/.ssh/config}), {@code ssh/known_hosts} (the instances' host keys, apart from the user's), and the
 * short-lived {@code ssh/<launch id>.key} files. The folder is 0700: it holds private keys, if only for seconds.
 */
public record HangarSshFiles(Path directory) {

    public HangarSshFiles {
        directory = directory.toAbsolutePath().normalize();
    }

    /** The files under Hangar's home ({@code --home}, {@code HANGAR_HOME} or {@code ~/.hangar}). */
    public static HangarSshFiles under(Path hangarHome) {
        return new HangarSshFiles(hangarHome.resolve("ssh"));
    }

    public Path config() {
        return directory.resolve("config");
    }

    public Path knownHosts() {
        return directory.resolve("known_hosts");
    }

    /** Where the proxy puts a launch's private key for ssh to read; gone within a minute. */
    public Path keyFile(String launchId) {
        return directory.resolve(launchId + ".key");
    }

    /** Creates the folder, 0700 where the file system has modes, and tightens it if it was wider. */
    Path createDirectory() throws IOException {
        return ownerOnlyDirectory(directory);
    }

    static Path ownerOnlyDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        return dir;
    }
}
