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
 * never across a wait for AWS (a NAT gateway becoming available). Each {@link Part} locks its own byte of the file, so
 * one launch's steps for different parts do not queue for each other; removal locks the whole file. Two launches in one
 * process (the wizard, tests) meet as an {@link OverlappingFileLockException}, which counts as "held" too.
 */
public final class NetworkLock implements AutoCloseable {

    /** The parts found-or-created independently of each other, each under its own lock. */
    public enum Part {
        VPC, SUBNETS, INTERNET_GATEWAY, NAT_GATEWAY, S3_ENDPOINT, INTERFACE_ENDPOINTS
    }

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
    public static NetworkLock acquire(Path home, String region, Part part, Waits waits, Consumer<Long> onWait) throws Exception {
        return acquire(home, region, part.ordinal(), 1, waits, onWait);
    }

    /** Every part at once: while the network's parts are removed, no launch may find or add any. */
    public static NetworkLock acquireAll(Path home, String region, Waits waits, Consumer<Long> onWait) throws Exception {
        return acquire(home, region, 0, Long.MAX_VALUE, waits, onWait);
    }

    private static NetworkLock acquire(Path home, String region, long position, long size, Waits waits, Consumer<Long> onWait) throws Exception {
        Path file = file(home, region);
        Files.createDirectories(file.getParent());
        NetworkLock[] held = new NetworkLock[1];
        waits.until("the lock on Hangar's network in " + region + " (" + file + ")", waits.pacing().cleanupTimeout(), () -> {
            held[0] = tryAcquire(file, position, size);
            return held[0] != null;
        }, onWait);
        return held[0];
    }

    private static NetworkLock tryAcquire(Path file, long position, long size) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock(position, size, false);
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
