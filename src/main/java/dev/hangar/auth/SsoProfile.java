package dev.hangar.auth;

import java.util.Optional;

/**
 * A profile of {@code ~/.aws/config} that signs in through IAM Identity Center.
 *
 * @param name      the profile's name
 * @param start     its sso-session, or its own start URL and region (legacy)
 * @param accountId {@code sso_account_id}
 * @param roleName  {@code sso_role_name}
 * @param region    the profile's default region for AWS calls ({@code region})
 */
public record SsoProfile(String name, SsoStart start, Optional<String> accountId, Optional<String> roleName, Optional<String> region) {

    /** Names an account and a role: can give credentials without asking which. */
    public boolean isComplete() {
        return accountId.isPresent() && roleName.isPresent();
    }
}
