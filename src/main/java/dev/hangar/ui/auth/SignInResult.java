package dev.hangar.ui.auth;

import dev.hangar.auth.AwsConfigWriter;
import dev.hangar.auth.IdentityCenterCredentials;
import java.util.Optional;

/**
 * A finished sign-in: credentials for the chosen role, already fetched once, and the profile written if the
 * user asked for one.
 */
public record SignInResult(IdentityCenterCredentials credentials, String accountLabel, Optional<AwsConfigWriter.Written> profile) {
}
