package dev.hangar.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.testing.FakeIdentityCenter;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** Tokens from the cache (the CLI's or Hangar's), refresh tokens, the portal, and credentials that renew themselves. */
@ExtendWith(LocalAwsExtension.class)
class IdentityCenterTest {

    static final String CONFIG = """
            [profile research]
            sso_session = my-sso
            sso_account_id = 123456789012
            sso_role_name = HangarResearcher
            region = us-east-1

            [sso-session my-sso]
            sso_start_url = https://d-9067a1b2c3.awsapps.com/start
            sso_region = us-east-1
            sso_registration_scopes = sso:account:access
            """;

    @TempDir Path home;

    @Test
    void aSignInMadeWithTheCliIsUsedWithoutADeviceFlow(LocalAws aws) throws Exception {
        Map<String, String> cli = CliCache.login(aws, AuthFixture.START_URL, SsoStart.DEFAULT_SCOPES);
        aws.endpoint().clearRecord();
        try (AuthFixture f = new AuthFixture(aws, home)) {
            f.writeConfig(CONFIG);
            CliCache.write(f.files.ssoCache(), SsoStart.sha1Hex("my-sso"), cli);

            SsoProfile profile = AwsProfiles.read(f.files).identityCenter("research").orElseThrow();
            assertThat(profile.isComplete()).isTrue();
            IdentityCenterCredentials creds = new IdentityCenterCredentials(f.center, profile.start(), profile.accountId().get(),
                    profile.roleName().get());
            f.credentials.swap(creds);
            AwsSession session = new SessionOpener(s -> f.clients).open(f.clients, LocalAws.REGION);

            assertThat(session.accountId()).isEqualTo(LocalAws.ACCOUNT_ID);
            assertThat(session.identityCenter()).containsSame(creds);
            assertThat(aws.endpoint().requests()).extracting(RecordedRequest::action).containsExactly("GetRoleCredentials", "GetCallerIdentity");
            assertThat(aws.endpoint().requests("sso", "GetRoleCredentials").get(0).header("x-amz-sso_bearer_token"))
                    .isEqualTo(cli.get("accessToken"));
            assertThat(aws.endpoint().requests("sts", "GetCallerIdentity").get(0).header("authorization"))
                    .contains("Credential=" + aws.identityCenter().issuedCredentials().get(0).accessKeyId() + "/");
        }
    }

    @Test
    void anExpiredAccessTokenIsRenewedWithTheRefreshTokenBeforeAskingTheUser(LocalAws aws) throws Exception {
        Map<String, String> cli = CliCache.login(aws, AuthFixture.START_URL, SsoStart.DEFAULT_SCOPES);
        cli.put("expiresAt", CliCache.iso(Instant.now().minus(Duration.ofHours(1))));
        aws.endpoint().clearRecord();
        try (AuthFixture f = new AuthFixture(aws, home)) {
            CliCache.write(f.files.ssoCache(), SsoStart.sha1Hex("my-sso"), cli);

            List<SsoAccount> accounts = f.center.accounts(AuthFixture.session());

            assertThat(accounts).extracting(SsoAccount::accountId).containsExactly(FakeIdentityCenter.DEFAULT_ACCOUNT, "210987654321");
            assertThat(aws.endpoint().requests()).extracting(RecordedRequest::action).containsExactly("CreateToken", "ListAccounts");
            assertThat(aws.endpoint().requests("ssooidc", "CreateToken").get(0).param("grantType")).isEqualTo("refresh_token");
            SsoToken renewed = f.cache.load(AuthFixture.session()).orElseThrow();
            assertThat(renewed.accessToken()).isNotEqualTo(cli.get("accessToken"));
            assertThat(renewed.refreshToken()).isNotEqualTo(cli.get("refreshToken"));
            assertThat(renewed.expiresAt()).isAfter(f.clock.instant().plus(Duration.ofHours(7)));
            assertThat(renewed.clientId()).isEqualTo(cli.get("clientId"));
            assertThat(aws.endpoint().requests("sso", "ListAccounts").get(0).header("x-amz-sso_bearer_token")).isEqualTo(renewed.accessToken());
        }
    }

    @Test
    void aTokenThePortalNoLongerTakesIsRefreshedOnce(LocalAws aws) {
        try (AuthFixture f = new AuthFixture(aws, home)) {
            f.signIn(AuthFixture.session());
            aws.identityCenter().expireAccessTokens();
            aws.endpoint().clearRecord();

            assertThat(f.center.roles(AuthFixture.session(), FakeIdentityCenter.DEFAULT_ACCOUNT)).containsExactly("HangarResearcher", "ReadOnly");
            assertThat(aws.endpoint().requests()).extracting(r -> r.action() + (r.isError() ? "!" : ""))
                    .containsExactly("ListAccountRoles!", "CreateToken", "ListAccountRoles");
        }
    }

    @Test
    void whenNothingRenewsTheUserSignsInAgainAndTheSameClientsGoOn(LocalAws aws) {
        try (AuthFixture f = new AuthFixture(aws, home)) {
            f.signIn(AuthFixture.session());
            IdentityCenterCredentials creds = new IdentityCenterCredentials(f.center, AuthFixture.session(), FakeIdentityCenter.DEFAULT_ACCOUNT,
                    "HangarResearcher");
            f.credentials.swap(creds);
            assertThat(f.clients.sts(LocalAws.REGION).getCallerIdentity().account()).isEqualTo(LocalAws.ACCOUNT_ID);
            assertThat(creds.status().timeLeft()).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61)));
            assertThat(creds.status().signInExpires()).isPresent();

            aws.identityCenter().expireAccessTokens();
            aws.identityCenter().revokeRefreshTokens();
            f.clock.advance(Duration.ofMinutes(61));
            assertThat(creds.status().renewalDue()).isTrue();
            assertThat(creds.status().describe()).isEqualTo("credentials expired: renewing…");

            assertThatThrownBy(() -> f.clients.sts(LocalAws.REGION).getCallerIdentity()).isInstanceOfSatisfying(SsoLoginException.class, e -> {
                assertThat(e.reason()).isEqualTo(SsoLoginException.Reason.SIGN_IN_REQUIRED);
                assertThat(e.getMessage()).contains("sign in again").contains("--sso-session my-sso");
            });
            assertThat(creds.status().signInRequired()).isTrue();
            assertThat(creds.status().describe()).contains("sign in again");

            // Sign in again, in place: a new token in the cache; the same provider and clients go on.
            f.signIn(AuthFixture.session());
            assertThat(f.clients.sts(LocalAws.REGION).getCallerIdentity().account()).isEqualTo(LocalAws.ACCOUNT_ID);
            assertThat(creds.status().signInRequired()).isFalse();
            assertThat(creds.fetchCount()).isEqualTo(2);
        }
    }

    @Test
    void credentialsThatStillWorkAreUsedUntilTheyExpireWhenRenewingFails(LocalAws aws) {
        try (AuthFixture f = new AuthFixture(aws, home)) {
            f.signIn(AuthFixture.session());
            IdentityCenterCredentials creds = new IdentityCenterCredentials(f.center, AuthFixture.session(), FakeIdentityCenter.DEFAULT_ACCOUNT,
                    "HangarResearcher");
            AwsSessionCredentials first = (AwsSessionCredentials) creds.resolveCredentials();
            aws.identityCenter().expireAccessTokens();
            aws.identityCenter().revokeRefreshTokens();
            aws.endpoint().clearRecord();

            f.clock.advance(Duration.ofMinutes(57)); // due for renewal, not expired
            assertThat(creds.resolveCredentials()).isSameAs(first);
            assertThat(creds.status().signInRequired()).isTrue();
            assertThat(aws.endpoint().count("sso", "GetRoleCredentials")).isEqualTo(1);
            f.clock.advance(Duration.ofSeconds(5));
            assertThat(creds.resolveCredentials()).as("no new try on every request").isSameAs(first);
            assertThat(aws.endpoint().count("sso", "GetRoleCredentials")).isEqualTo(1);
            f.clock.advance(Duration.ofSeconds(15));
            assertThat(creds.resolveCredentials()).isSameAs(first);
            assertThat(aws.endpoint().count("sso", "GetRoleCredentials")).isEqualTo(2);

            f.clock.advance(Duration.ofMinutes(4));
            assertThatThrownBy(creds::resolveCredentials).isInstanceOf(SsoLoginException.class);
        }
    }

    @Test
    void roleCredentialsAreReusedUntilCloseToTheirEnd(LocalAws aws) {
        try (AuthFixture f = new AuthFixture(aws, home)) {
            f.signIn(AuthFixture.session());
            IdentityCenterCredentials creds = new IdentityCenterCredentials(f.center, AuthFixture.session(), FakeIdentityCenter.DEFAULT_ACCOUNT,
                    "ReadOnly");
            AwsSessionCredentials first = (AwsSessionCredentials) creds.resolveCredentials();
            f.clock.advance(Duration.ofMinutes(54));
            assertThat(creds.resolveCredentials()).isSameAs(first);
            f.clock.advance(Duration.ofMinutes(2)); // within 5 minutes of the end (the fake issues them in real time)
            AwsSessionCredentials second = (AwsSessionCredentials) creds.resolveCredentials();
            assertThat(second.accessKeyId()).isNotEqualTo(first.accessKeyId());
            assertThat(second.accountId()).contains(FakeIdentityCenter.DEFAULT_ACCOUNT);
            assertThat(aws.endpoint().count("sso", "GetRoleCredentials")).isEqualTo(2);
            assertThat(creds.toString()).doesNotContain(first.accessKeyId()).doesNotContain(first.secretAccessKey());
        }
    }

    @Test
    void aRoleThatIsNotAssignedIsForbidden(LocalAws aws) {
        try (AuthFixture f = new AuthFixture(aws, home)) {
            f.signIn(AuthFixture.session());
            assertThatThrownBy(() -> f.center.roleCredentials(AuthFixture.session(), "210987654321", "HangarResearcher"))
                    .isInstanceOfSatisfying(SsoLoginException.class, e -> {
                        assertThat(e.reason()).isEqualTo(SsoLoginException.Reason.FORBIDDEN);
                        assertThat(e.getMessage()).contains("HangarResearcher").contains("210987654321");
                    });
        }
    }

    @Test
    void listsEveryPageOfAccountsAndRoles(LocalAws aws) {
        IntStream.range(0, 45).forEach(i -> aws.identityCenter().addAccount(String.format("3000000000%02d", i), "lab-" + i, "lab@example.com", "A"));
        String[] roles = IntStream.range(0, 25).mapToObj(i -> "Role" + i).toArray(String[]::new);
        aws.identityCenter().addAccount("400000000000", "many-roles", "roles@example.com", roles);
        try (AuthFixture f = new AuthFixture(aws, home)) {
            f.signIn(AuthFixture.session());
            assertThat(f.center.accounts(AuthFixture.session())).hasSize(48);
            assertThat(aws.endpoint().count("sso", "ListAccounts")).isEqualTo(3);
            assertThat(f.center.roles(AuthFixture.session(), "400000000000")).containsExactly(roles);
            assertThat(aws.endpoint().count("sso", "ListAccountRoles")).isEqualTo(2);
        }
    }

    @Test
    void withNoCachedTokenNothingIsAskedOfAws(LocalAws aws) {
        try (AuthFixture f = new AuthFixture(aws, home)) {
            assertThat(f.center.usableToken(AuthFixture.session())).isEmpty();
            assertThatThrownBy(() -> f.center.accounts(AuthFixture.session())).isInstanceOfSatisfying(SsoLoginException.class,
                    e -> assertThat(e.reason()).isEqualTo(SsoLoginException.Reason.SIGN_IN_REQUIRED));
            assertThat(aws.endpoint().requests()).isEmpty();
        }
    }

    @Test
    void signingOutEndsThePortalSessionAndForgetsTheToken(LocalAws aws) {
        try (AuthFixture f = new AuthFixture(aws, home)) {
            SsoToken token = f.signIn(AuthFixture.session());
            f.center.signOut(AuthFixture.session());
            assertThat(f.cache.load(AuthFixture.session())).isEmpty();
            assertThat(aws.endpoint().requests("sso", "Logout").get(0).header("x-amz-sso_bearer_token")).isEqualTo(token.accessToken());
        }
    }
}
