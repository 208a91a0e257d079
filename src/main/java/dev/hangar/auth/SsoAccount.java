package dev.hangar.auth;

/** An AWS account the signed-in user may use, as the access portal lists it. */
public record SsoAccount(String accountId, String accountName, String emailAddress) {

    /** "hangar-research (123456789012)". */
    public String label() {
        return accountName == null || accountName.isBlank() ? accountId : accountName + " (" + accountId + ")";
    }
}
