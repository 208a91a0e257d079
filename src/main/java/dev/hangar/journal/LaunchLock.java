package dev.hangar.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Who may change a launch's resources right now: one process, one task. An operating-system lock on
 * {@code <launch-id>.lock} next to the journal file, so that it ends with its process however that
 * ends ({@code kill -9}, a power cut), and a crashed launch can be resumed or destroyed at once while a
 * live one cannot be touched from a second terminal. The file itself stays; only the lock matters.
 */
public final class LaunchLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private LaunchLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws LaunchBusyException when another process or task holds it */
    static LaunchLock acquire(Path file, String launchId) {
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new LaunchBusyException(launchId);
            }
            return new LaunchLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock launch " + launchId + " at " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the channel is closed either way, and with it the lock
        }
    }
}
