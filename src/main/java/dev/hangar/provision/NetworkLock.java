package dev.hangar.provision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Who may find-or-create (or remove) parts of Hangar's shared network in one region right now: an operating-system
 * lock on {@code <home>/locks/network-<region>.lock}, so that two launches started at once from one home make one
 * network, and a lock held by a process that died ({@code kill -9}) is free at once. Held only around a find-or-create,
 * never across a wait for AWS (a NAT gateway becoming available). Two launches in one process (the wizard, tests)
 * meet as an {@link OverlappingFileLockException}, which counts as "held" too.
 */
public final class NetworkLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private NetworkLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static Path file(Path home, String region) {
        return home.resolve("locks").resolve("network-" + region + ".lock");
    }

    /**
     * Waits (polling, as {@code waits} paces it) until the lock is free, then holds it.
     *
     * @param onWait told each time it is still held by another launch, with the seconds waited so far
     */
    public static NetworkLock acquire(Path home, String region, Waits waits, Consumer<Long> onWait) throws Exception {
        Path file = file(home, region);
        Files.createDirectories(file.getParent());
        NetworkLock[] held = new NetworkLock[1];
        waits.until("the lock on Hangar's network in " + region + " (" + file + ")", waits.pacing().cleanupTimeout(), () -> {
            held[0] = tryAcquire(file);
            return held[0] != null;
        }, onWait);
        return held[0];
    }

    private static NetworkLock tryAcquire(Path file) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return null;
            }
            return new NetworkLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file, e);
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
