package dev.hangar.auth;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/** The named profiles of {@code ~/.aws/config} and {@code ~/.aws/credentials}, read as the SDK reads them. */
public final class AwsProfiles {

    private final ProfileFile file;

    public AwsProfiles(ProfileFile file) {
        this.file = file;
    }

    /** The user's files; a missing or unreadable file is the same as no profiles. */
    public static AwsProfiles ofUser() {
        try {
            return new AwsProfiles(ProfileFile.defaultProfileFile());
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
                || p.property("sso_session").isPresent()).orElse(false);
    }
}
