package dev.hangar.ui.auth;

import dev.hangar.auth.AwsFiles;
import dev.hangar.auth.AwsProfiles;
import dev.hangar.auth.Sleeper;
import java.time.Clock;
import java.util.Optional;

/**
 * What signing in with IAM Identity Center needs from outside the UI.
 *
 * @param files   where ~/.aws is (config, token cache); empty when signing in with IAM Identity Center is not offered
 * @param browser opens the approval page
 * @param clock   for the code's expiry and the credentials' countdown
 * @param sleeper waits between polls
 */
public record SignInServices(Optional<AwsFiles> files, BrowserOpener browser, Clock clock, Sleeper sleeper) {

    /** The user's ~/.aws, the real clock. */
    public static SignInServices forUser(BrowserOpener browser) {
        return new SignInServices(Optional.of(AwsFiles.user()), browser, Clock.systemUTC(), Sleeper.real());
    }

    /** No IAM Identity Center sign-in (its button is disabled). */
    public static SignInServices unavailable() {
        return new SignInServices(Optional.empty(), url -> { }, Clock.systemUTC(), Sleeper.real());
    }

    public boolean available() {
        return files.isPresent();
    }

    /** The profiles and sso-sessions of these files, read now (a profile written meanwhile is seen). */
    public AwsProfiles profiles() {
        return files.map(AwsProfiles::read).orElseGet(() -> new AwsProfiles(software.amazon.awssdk.profiles.ProfileFile.aggregator().build()));
    }
}
