package dev.hangar.connect;

import dev.hangar.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The private key where ssh reads it (the entry's IdentityFile), 0600 in Hangar's 0700 ssh folder, for as long as
 * ssh needs it. Two connections to one host may overlap; each deletes the file only while it still holds its own
 * key, so that it never takes away the key of the other.
 */
final class ProxyKeyFile implements AutoCloseable {

    private final Path path;
    private final byte[] digest;

    private ProxyKeyFile(Path path, byte[] digest) {
        this.path = path;
        this.digest = digest;
    }

    /** Writes the key's private half and forgets it in memory. */
    static ProxyKeyFile write(HangarSshFiles files, String launchId, EphemeralSshKey key) throws IOException {
        files.createDirectory();
        Path path = files.keyFile(launchId);
        byte[] content = key.privateKeyFile();
        try {
            AtomicFiles.write(path, content, AtomicFiles.OWNER_ONLY);
            return new ProxyKeyFile(path, sha256(content));
        } finally {
            java.util.Arrays.fill(content, (byte) 0);
            key.forgetPrivateKey();
        }
    }

    Path path() {
        return path;
    }

    /** Deletes the file if it still holds this key; safe to call more than once, from any thread. */
    @Override
    public synchronized void close() {
        try {
            if (Files.exists(path) && MessageDigest.isEqual(digest, sha256(Files.readAllBytes(path)))) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // Gone already, or unreadable: either way nothing of ours is left to delete.
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
