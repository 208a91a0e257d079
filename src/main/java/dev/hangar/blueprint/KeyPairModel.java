package dev.hangar.blueprint;

import dev.hangar.spec.LaunchSpec;

/** The instance's SSH key pair: an existing one by name, or a new ed25519 key (createKeyPair). */
public record KeyPairModel(String name, boolean create, String keyType) {

    static KeyPairModel of(LaunchSpec spec) {
        return spec.keyPair() == null ? null : new KeyPairModel(spec.keyPair(), spec.createKeyPair(), "ed25519");
    }
}
