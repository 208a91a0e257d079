package dev.hangar.auth;

import dev.hangar.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * Adds an IAM Identity Center profile to {@code ~/.aws/config} as {@code aws configure sso} would: a
 * {@code [profile NAME]} with the account and role, and the {@code [sso-session NAME]} it uses when that is
 * missing. Only ever appends: what the file held stays byte for byte, and an existing profile is never
 * changed (the user picks another name). Only on the user's request.
 */
public final class AwsConfigWriter {

    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /** What was written. */
    public record Written(Path file, String profile, boolean addedSession) {}

    private final Path config;

    public AwsConfigWriter(Path config) {
        this.config = config;
    }

    public Path file() {
        return config;
    }

    /**
     * Checks before signing in that the profile can be added: a valid, unused name, and no {@code sso-session}
     * of that name pointing elsewhere.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public void check(String profile, SsoStart start) {
        if (profile == null || !PROFILE_NAME.matcher(profile).matches()) {
            throw new IllegalArgumentException("a profile name is 1 to 64 letters, digits, '.', '_' or '-': " + profile);
        }
        String text = read();
        if (hasProfile(text, profile)) {
            throw new IllegalArgumentException("profile '" + profile + "' already exists in " + config
                    + "; Hangar does not change existing profiles: choose another name");
        }
        start.sessionName().ifPresent(name -> existingSession(name).ifPresent(existing -> {
            if (!sameUrl(existing.startUrl(), start.startUrl()) || !existing.region().equals(start.region())) {
                throw new IllegalArgumentException("[sso-session " + name + "] in " + config + " has another start URL or region ("
                        + existing.startUrl() + ", " + existing.region() + ")");
            }
        }));
    }

    /**
     * Appends the profile (and its sso-session when missing).
     *
     * @param region the profile's default region for AWS calls, or empty to leave it out
     * @throws IllegalArgumentException when {@link #check} fails
     */
    public Written addProfile(String profile, SsoStart start, String accountId, String roleName, Optional<String> region) {
        check(profile, start);
        String text = read();
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        StringBuilder add = new StringBuilder();
        if (!text.isEmpty()) {
            add.append(text.endsWith("\n") ? "" : nl).append(nl);
        }
        add.append(profile.equals("default") ? "[default]" : "[profile " + profile + "]").append(nl);
        if (start.sessionName().isPresent()) {
            add.append("sso_session = ").append(start.sessionName().get()).append(nl);
        } else {
            add.append("sso_start_url = ").append(start.startUrl()).append(nl);
            add.append("sso_region = ").append(start.region()).append(nl);
        }
        add.append("sso_account_id = ").append(accountId).append(nl);
        add.append("sso_role_name = ").append(roleName).append(nl);
        region.filter(r -> !r.isBlank()).ifPresent(r -> add.append("region = ").append(r).append(nl));
        boolean addSession = start.sessionName().isPresent() && existingSession(start.sessionName().get()).isEmpty();
        if (addSession) {
            add.append(nl).append("[sso-session ").append(start.sessionName().get()).append(']').append(nl);
            add.append("sso_start_url = ").append(start.startUrl()).append(nl);
            add.append("sso_region = ").append(start.region()).append(nl);
            if (!start.scopes().isEmpty()) {
                add.append("sso_registration_scopes = ").append(String.join(",", start.scopes())).append(nl);
            }
        }
        write(text, add.toString());
        return new Written(config, profile, addSession);
    }

    private static boolean hasProfile(String text, String profile) {
        String q = Pattern.quote(profile);
        String header = profile.equals("default") ? "(?:profile[ \\t]+)?default" : "profile[ \\t]+" + q;
        return Pattern.compile("(?m)^[ \\t]*\\[[ \\t]*" + header + "[ \\t]*\\]").matcher(text).find();
    }

    private Optional<SsoStart> existingSession(String name) {
        if (!Files.isRegularFile(config)) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("(?m)^[ \\t]*\\[[ \\t]*sso-session[ \\t]+" + Pattern.quote(name) + "[ \\t]*\\]").matcher(read());
        if (!m.find()) {
            return Optional.empty();
        }
        ProfileFile file = ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build();
        return file.getSection(AwsProfiles.SSO_SESSION_SECTION, name).map(s -> new SsoStart(
                s.property(ProfileProperty.SSO_START_URL).orElse("https://missing.invalid/"),
                s.property(ProfileProperty.SSO_REGION).orElse("xx-missing-1"), Optional.of(name), java.util.List.of()));
    }

    private static boolean sameUrl(String a, String b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(String url) {
        String u = url.trim();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /** The file as Latin-1: every byte one char, so that what is kept is kept byte for byte. */
    private String read() {
        try {
            return Files.isRegularFile(config) ? new String(Files.readAllBytes(config), StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + config + ": " + e.getMessage(), e);
        }
    }

    /**
     * The old bytes and then the new text, atomically beside the file (the real one, when the config is a
     * symbolic link) with the same permissions (0600 for a new file).
     */
    private void write(String old, String added) {
        try {
            Path target = Files.exists(config) ? config.toRealPath() : config.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Set<PosixFilePermission> mode = POSIX && Files.exists(target) ? Files.getPosixFilePermissions(target) : AtomicFiles.OWNER_ONLY;
            byte[] oldBytes = old.getBytes(StandardCharsets.ISO_8859_1);
            byte[] newBytes = added.getBytes(StandardCharsets.UTF_8);
            byte[] all = java.util.Arrays.copyOf(oldBytes, oldBytes.length + newBytes.length);
            System.arraycopy(newBytes, 0, all, oldBytes.length, newBytes.length);
            AtomicFiles.write(target, all, mode);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config + ": " + e.getMessage(), e);
        }
    }
}
