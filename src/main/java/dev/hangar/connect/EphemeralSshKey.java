package dev.hangar.connect;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * A fresh Ed25519 key for one SSH connection, made by the JDK: its public half goes to EC2 Instance Connect (which
 * lets the instance accept it for 60 seconds), its private half only to a 0600 file ssh reads. Nothing prints the
 * private half: {@link #toString()} shows the fingerprint, as {@code ssh-keygen -l} does.
 */
public final class EphemeralSshKey {

    private final String publicKey;
    private final byte[] privateKeyFile;

    private EphemeralSshKey(String publicKey, byte[] privateKeyFile) {
        this.publicKey = publicKey;
        this.privateKeyFile = privateKeyFile;
    }

    /** @param comment what ssh shows for the key, e.g. the launch it is for */
    public static EphemeralSshKey generate(String comment) {
        SecureRandom random = new SecureRandom();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, random);
            KeyPair pair = generator.generateKeyPair();
            byte[] encodedPublic = pair.getPublic().getEncoded(); // X.509: a fixed 12-byte header, then the 32-byte key
            byte[] raw = Arrays.copyOfRange(encodedPublic, encodedPublic.length - 32, encodedPublic.length);
            byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
            try {
                String line = OpenSshKeyFormat.TYPE + " " + Base64.getEncoder().encodeToString(OpenSshKeyFormat.publicBlob(raw));
                return new EphemeralSshKey(line, OpenSshKeyFormat.privateKeyFile(seed, raw, comment, random.nextInt()));
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no Ed25519 (it has been part of the JDK since Java 15)", e);
        }
    }

    /** {@code ssh-ed25519 AAAA…}, as in an authorized_keys file. */
    public String publicKey() {
        return publicKey;
    }

    /** {@code SHA256:…}, as ssh and ssh-keygen print it. */
    public String fingerprint() {
        try {
            byte[] blob = Base64.getDecoder().decode(publicKey.substring(OpenSshKeyFormat.TYPE.length() + 1));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code openssh-key-v1} file ssh reads; package-private so that only {@link ProxyKeyFile} writes it out. */
    byte[] privateKeyFile() {
        return privateKeyFile.clone();
    }

    /** Overwrites the private key in memory once it is on disk for ssh, or no longer needed. */
    void forgetPrivateKey() {
        Arrays.fill(privateKeyFile, (byte) 0);
    }

    @Override
    public String toString() {
        return "EphemeralSshKey[" + OpenSshKeyFormat.TYPE + " " + fingerprint() + "]";
    }
}
