package dev.hangar.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file in one step: the content goes to a temp file beside it (so the rename stays on one file
 * system), which is fsynced and renamed over the target; then the folder is fsynced so that the rename
 * itself survives a power cut. A reader sees the old file or the new one, never half of one.
 */
public final class AtomicFiles {

    /** {@code rw-------}: what {@link Files#createTempFile} gives, and what secrets and journals want. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {
    }

    /** Writes {@code content} to {@code target} with mode {@link #OWNER_ONLY}. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, OWNER_ONLY);
    }

    /**
     * Writes {@code content} to {@code target}, whose folder must exist. On a POSIX file system the file has
     * {@code permissions} from its creation on (no moment with the umask's wider mode); elsewhere the file
     * system's default. After a failure the target is unchanged and no temp file is left.
     *
     * @throws IOException when the temp file cannot be written or renamed
     */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        boolean posix = isPosix(folder.getFileSystem());
        FileAttribute<?>[] mode = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp", mode);
        try {
            if (posix) {
                Files.setPosixFilePermissions(temp, permissions); // the umask may have taken bits the caller asked for
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            rename(temp, target);
        } finally {
            Files.deleteIfExists(temp); // gone already after the rename; left only by a failure
        }
        syncFolder(folder);
    }

    private static void rename(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename durable where a folder can be fsynced (Linux, macOS); Windows cannot open one, and needs not. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notPossibleHere) {
            // the file itself is whole; only the rename could be lost to a power cut
        }
    }

    private static boolean isPosix(FileSystem fileSystem) {
        return fileSystem.supportedFileAttributeViews().contains("posix");
    }
}
