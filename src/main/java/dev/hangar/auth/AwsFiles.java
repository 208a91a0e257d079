package dev.hangar.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Where the AWS CLI and the SDK keep their files, found as they find them: {@code AWS_CONFIG_FILE} and
 * {@code AWS_SHARED_CREDENTIALS_FILE} when set, else {@code ~/.aws/config} and {@code ~/.aws/credentials};
 * IAM Identity Center tokens in {@code ~/.aws/sso/cache}. Tests hand in a temporary home instead.
 *
 * @param config      the config file (profiles, {@code sso-session} sections)
 * @param credentials the shared credentials file
 * @param ssoCache    the directory of cached IAM Identity Center tokens
 */
public record AwsFiles(Path config, Path credentials, Path ssoCache) {

    /** The files of the user running Hangar. */
    public static AwsFiles user() {
        Map<String, String> env = System.getenv();
        return of(env, userHome(env));
    }

    /** The files for an environment and a home directory; {@code ~} in the variables means that home. */
    public static AwsFiles of(Map<String, String> env, Path home) {
        Path aws = home.resolve(".aws");
        return new AwsFiles(fromEnv(env, "AWS_CONFIG_FILE", home).orElse(aws.resolve("config")),
                fromEnv(env, "AWS_SHARED_CREDENTIALS_FILE", home).orElse(aws.resolve("credentials")),
                aws.resolve("sso").resolve("cache"));
    }

    /**
     * The home directory as the AWS CLI and the SDK take it: {@code HOME}, then on Windows {@code USERPROFILE}
     * and {@code HOMEDRIVE}+{@code HOMEPATH}, then Java's {@code user.home}. (The SDK's token cache follows
     * {@code HOME}, so Hangar must too, or the two would read different caches.)
     */
    public static Path userHome(Map<String, String> env) {
        String home = env.get("HOME");
        if (home == null && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            home = env.get("USERPROFILE");
            if (home == null && env.get("HOMEDRIVE") != null && env.get("HOMEPATH") != null) {
                home = env.get("HOMEDRIVE") + env.get("HOMEPATH");
            }
        }
        return Path.of(home != null ? home : System.getProperty("user.home"));
    }

    /** Both files as the SDK reads them; a missing file is the same as an empty one. */
    public ProfileFile profileFile() {
        ProfileFile.Aggregator all = ProfileFile.aggregator();
        // The SDK's order: the credentials file is added last, so its values win over the config file's.
        if (Files.isRegularFile(config)) {
            all.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
        }
        if (Files.isRegularFile(credentials)) {
            all.addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
        }
        return all.build();
    }

    private static java.util.Optional<Path> fromEnv(Map<String, String> env, String name, Path home) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        String v = value.trim();
        if (v.equals("~") || v.startsWith("~/") || v.startsWith("~\\")) {
            return java.util.Optional.of(home.resolve(v.length() > 2 ? v.substring(2) : ""));
        }
        return java.util.Optional.of(Path.of(v));
    }
}
