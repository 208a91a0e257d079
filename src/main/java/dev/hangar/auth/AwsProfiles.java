package dev.hangar.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The named profiles of {@code ~/.aws/config} and {@code ~/.aws/credentials}, read as the SDK reads them,
 * and the {@code [sso-session NAME]} sections of the config file.
 */
public final class AwsProfiles {

    static final String SSO_SESSION_SECTION = "sso-session";
    static final String SSO_SESSION = "sso_session";
    static final String SSO_REGISTRATION_SCOPES = "sso_registration_scopes";
    private static final Pattern SESSION_HEADER = Pattern.compile("(?m)^\\[[ \\t]*sso-session[ \\t]+([^\\]\\r\\n]+?)[ \\t]*\\]");

    private final ProfileFile file;
    private final List<String> ssoSessionNames;

    public AwsProfiles(ProfileFile file) {
        this(file, List.of());
    }

    public AwsProfiles(ProfileFile file, List<String> ssoSessionNames) {
        this.file = file;
        this.ssoSessionNames = List.copyOf(ssoSessionNames);
    }

    /** The user's files; a missing or unreadable file is the same as no profiles. */
    public static AwsProfiles ofUser() {
        return read(AwsFiles.user());
    }

    /** The profiles of these files; a missing or unreadable file is the same as no profiles. */
    public static AwsProfiles read(AwsFiles files) {
        try {
            return new AwsProfiles(files.profileFile(), sessionNames(files));
        } catch (RuntimeException e) {
            return new AwsProfiles(ProfileFile.aggregator().build());
        }
    }

    public List<String> names() {
        return file.profiles().keySet().stream().sorted().toList();
    }

    /** The profile's default region, if it names one. */
    public Optional<String> region(String profile) {
        return file.profile(profile).flatMap(p -> p.property(ProfileProperty.REGION));
    }

    /** Whether the profile signs in through IAM Identity Center (its credentials come from {@code aws sso login}). */
    public boolean usesIdentityCenter(String profile) {
        return file.profile(profile).map(p -> p.property(ProfileProperty.SSO_START_URL).isPresent()
                || p.property(SSO_SESSION).isPresent()).orElse(false);
    }

    /** The names of the config file's {@code [sso-session NAME]} sections, sorted. */
    public List<String> ssoSessionNames() {
        return ssoSessionNames.stream().sorted().toList();
    }

    /** An {@code [sso-session NAME]} section as a place to sign in; empty if there is none or it lacks the start URL or region. */
    public Optional<SsoStart> ssoSession(String name) {
        return file.getSection(SSO_SESSION_SECTION, name).flatMap(s -> {
            Optional<String> url = s.property(ProfileProperty.SSO_START_URL);
            Optional<String> region = s.property(ProfileProperty.SSO_REGION);
            if (url.isEmpty() || region.isEmpty()) {
                return Optional.empty();
            }
            List<String> scopes = s.property(SSO_REGISTRATION_SCOPES)
                    .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList()).orElse(List.of());
            return Optional.of(SsoStart.ofSession(name, url.get(), region.get(), scopes));
        });
    }

    /**
     * A profile that signs in through IAM Identity Center: with {@code sso_session} the session's start URL and
     * region; a legacy profile has {@code sso_start_url} and {@code sso_region} itself. Empty for other profiles,
     * and when the session it names is missing.
     */
    public Optional<SsoProfile> identityCenter(String profile) {
        Optional<Profile> p = file.profile(profile);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        Optional<SsoStart> start;
        Optional<String> session = p.get().property(SSO_SESSION);
        if (session.isPresent()) {
            start = ssoSession(session.get());
        } else {
            Optional<String> url = p.get().property(ProfileProperty.SSO_START_URL);
            Optional<String> region = p.get().property(ProfileProperty.SSO_REGION);
            start = url.isPresent() && region.isPresent() ? Optional.of(SsoStart.legacy(url.get(), region.get())) : Optional.empty();
        }
        return start.map(s -> new SsoProfile(profile, s, p.get().property(ProfileProperty.SSO_ACCOUNT_ID),
                p.get().property(ProfileProperty.SSO_ROLE_NAME), p.get().property(ProfileProperty.REGION)));
    }

    /** Where to sign in by default: the only sso-session, else the first one by name. */
    public Optional<SsoStart> defaultSsoSession() {
        for (String name : ssoSessionNames()) {
            try {
                Optional<SsoStart> s = ssoSession(name);
                if (s.isPresent()) {
                    return s;
                }
            } catch (IllegalArgumentException malformed) {
                // a section with a broken start URL or region is no default
            }
        }
        return Optional.empty();
    }

    private static List<String> sessionNames(AwsFiles files) {
        if (!Files.isRegularFile(files.config())) {
            return List.of();
        }
        try {
            Matcher m = SESSION_HEADER.matcher(Files.readString(files.config(), StandardCharsets.UTF_8));
            return m.results().map(r -> r.group(1).trim()).distinct().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
