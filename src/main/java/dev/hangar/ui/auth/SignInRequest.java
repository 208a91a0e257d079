package dev.hangar.ui.auth;

import dev.hangar.auth.IdentityCenterCredentials;
import dev.hangar.auth.SsoProfile;
import dev.hangar.auth.SsoStart;
import java.util.Optional;

/**
 * What the sign-in dialog starts from.
 *
 * @param start         where to sign in, prefilled (from an sso-session or a profile); empty to ask
 * @param accountId     the account to use, when known (a profile's, or the session's when signing in again)
 * @param roleName      the role to use, when known
 * @param again         signing in again for a session that has one account and role already: no pickers
 * @param profileRegion the region to write into a new profile
 */
public record SignInRequest(Optional<SsoStart> start, Optional<String> accountId, Optional<String> roleName, boolean again,
        Optional<String> profileRegion) {

    public static SignInRequest fresh(Optional<SsoStart> prefill, Optional<String> profileRegion) {
        return new SignInRequest(prefill, Optional.empty(), Optional.empty(), false, profileRegion);
    }

    /** A profile's sign-in, e.g. when its cached token has run out. */
    public static SignInRequest forProfile(SsoProfile profile) {
        return new SignInRequest(Optional.of(profile.start()), profile.accountId(), profile.roleName(), profile.isComplete(), profile.region());
    }

    /** The same account and role again, for a session whose sign-in ended. */
    public static SignInRequest again(IdentityCenterCredentials current) {
        return new SignInRequest(Optional.of(current.start()), Optional.of(current.accountId()), Optional.of(current.roleName()), true,
                Optional.empty());
    }
}
