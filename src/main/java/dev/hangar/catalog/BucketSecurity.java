package dev.hangar.catalog;

/**
 * A bucket's security settings as far as they could be read: null means "could not read", false "not set".
 */
public record BucketSecurity(Boolean blocksPublicAccess, Boolean requiresTls, Boolean defaultEncryption) {

    /** One line per setting, for the wizard. */
    public String summary() {
        return line("Public access blocked", blocksPublicAccess) + "\n" + line("Requires TLS (bucket policy)", requiresTls) + "\n"
                + line("Default encryption", defaultEncryption);
    }

    private static String line(String what, Boolean value) {
        return (value == null ? "? " : value ? "✓ " : "✗ ") + what + (value == null ? ": could not be read" : value ? "" : ": not set");
    }
}
