package dev.hangar.connect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * OpenSSH's own encodings of an Ed25519 key (PROTOCOL.key and RFC 8709): the public key blob of an
 * {@code ssh-ed25519 AAAA…} line, and the unencrypted {@code openssh-key-v1} private key file that ssh reads as an
 * IdentityFile. Hand-written because it is forty lines, where a library for it would weigh megabytes.
 */
final class OpenSshKeyFormat {

    static final String TYPE = "ssh-ed25519";
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final int BLOCK = 8; // the cipher "none" pads to 8 bytes

    private OpenSshKeyFormat() {
    }

    /** {@code string "ssh-ed25519", string public key}: what the base64 of a public key line holds. */
    static byte[] publicBlob(byte[] publicKey) {
        return new Wire().string(TYPE).string(publicKey).bytes();
    }

    /**
     * The private key file, PEM-armoured as ssh-keygen writes it.
     *
     * @param seed      the 32-byte Ed25519 private key
     * @param publicKey the 32-byte public key
     * @param checkInt  any number; ssh compares its two copies to tell a wrong passphrase, here there is none
     */
    static byte[] privateKeyFile(byte[] seed, byte[] publicKey, String comment, int checkInt) {
        byte[] secret = new byte[64]; // OpenSSH keeps the seed followed by the public key
        System.arraycopy(seed, 0, secret, 0, 32);
        System.arraycopy(publicKey, 0, secret, 32, 32);
        Wire section = new Wire().int32(checkInt).int32(checkInt).string(TYPE).string(publicKey).string(secret).string(comment);
        for (int pad = 1; section.size() % BLOCK != 0; pad++) {
            section.raw(new byte[] {(byte) pad});
        }
        byte[] privateSection = section.bytes();
        byte[] body = new Wire().raw(MAGIC).string("none").string("none").string(new byte[0]).int32(1)
                .string(publicBlob(publicKey)).string(privateSection).bytes();
        String armoured = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(70, new byte[] {'\n'}).encodeToString(body)
                + "\n-----END OPENSSH PRIVATE KEY-----\n";
        Arrays.fill(secret, (byte) 0);
        Arrays.fill(privateSection, (byte) 0);
        Arrays.fill(body, (byte) 0);
        return armoured.getBytes(StandardCharsets.US_ASCII);
    }

    /** The SSH wire encoding: big-endian uint32, and strings prefixed by their length. */
    private static final class Wire {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        Wire int32(int v) {
            out.write(v >>> 24);
            out.write(v >>> 16);
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        Wire string(String s) {
            return string(s.getBytes(StandardCharsets.UTF_8));
        }

        Wire string(byte[] b) {
            return int32(b.length).raw(b);
        }

        Wire raw(byte[] b) {
            out.write(b, 0, b.length);
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
