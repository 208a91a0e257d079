package dev.hangar.testing;

import static dev.hangar.testing.TokenOutcome.PENDING;
import static dev.hangar.testing.TokenOutcome.SLOW_DOWN;
import static dev.hangar.testing.TokenOutcome.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.aws.AwsClients;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenRequest;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

@ExtendWith(LocalAwsExtension.class)
class SsoDeviceFlowTest {

    private static final String START_URL = "https://d-9067a1b2c3.awsapps.com/start";

    @Test
    void deviceFlowThenAccountsRolesAndRoleCredentials(LocalAws aws) {
        aws.identityCenter().scriptToken(List.of(PENDING, PENDING, SLOW_DOWN, SUCCESS));
        SsoOidcClient oidc = aws.clients().ssoOidc(LocalAws.REGION);

        RegisterClientResponse client = oidc.registerClient(b -> b.clientName("hangar").clientType("public"));
        StartDeviceAuthorizationResponse device = oidc.startDeviceAuthorization(b -> b
                .clientId(client.clientId()).clientSecret(client.clientSecret()).startUrl(START_URL));
        assertThat(device.userCode()).matches("[A-F0-9]{4}-[A-F0-9]{4}");
        assertThat(device.verificationUriComplete()).endsWith("user_code=" + device.userCode());
        assertThat(device.interval()).isEqualTo(1);
        assertThat(device.expiresIn()).isEqualTo(600);

        CreateTokenRequest poll = CreateTokenRequest.builder().clientId(client.clientId())
                .clientSecret(client.clientSecret()).grantType(FakeIdentityCenter.DEVICE_CODE_GRANT)
                .deviceCode(device.deviceCode()).build();
        assertThatThrownBy(() -> oidc.createToken(poll)).isInstanceOfSatisfying(AuthorizationPendingException.class,
                e -> assertThat(e.error()).isEqualTo("authorization_pending"));
        assertThatThrownBy(() -> oidc.createToken(poll)).isInstanceOf(AuthorizationPendingException.class);
        assertThatThrownBy(() -> oidc.createToken(poll)).isInstanceOf(SlowDownException.class);
        CreateTokenResponse token = oidc.createToken(poll);
        assertThat(token.tokenType()).isEqualTo("Bearer");
        assertThat(token.expiresIn()).isEqualTo(8 * 3600);
        assertThat(token.refreshToken()).isNotBlank();
        assertThatThrownBy(() -> oidc.createToken(poll)).isInstanceOf(InvalidGrantException.class); // spent

        SsoClient sso = aws.clients().sso(LocalAws.REGION);
        List<AccountInfo> accounts = sso.listAccountsPaginator(b -> b.accessToken(token.accessToken()).maxResults(1))
                .accountList().stream().toList();
        assertThat(accounts).extracting(AccountInfo::accountId).containsExactly("123456789012", "210987654321");
        assertThat(sso.listAccountRoles(b -> b.accessToken(token.accessToken()).accountId("123456789012")).roleList())
                .extracting(RoleInfo::roleName).containsExactly("HangarResearcher", "ReadOnly");
        RoleCredentials creds = sso.getRoleCredentials(b -> b.accessToken(token.accessToken())
                .accountId("123456789012").roleName("HangarResearcher")).roleCredentials();
        assertThat(creds.accessKeyId()).startsWith("ASIA");
        assertThat(Instant.ofEpochMilli(creds.expiration())).isAfter(Instant.now().plusSeconds(3000));
        assertThat(aws.identityCenter().issuedCredentials()).singleElement()
                .satisfies(c -> assertThat(c.accessKeyId()).isEqualTo(creds.accessKeyId()));

        assertThat(aws.endpoint().count("ssooidc", "CreateToken")).isEqualTo(5);
        assertThat(aws.endpoint().mutatingRequests()).isEmpty();
    }

    @Test
    void roleCredentialsWorkAgainstMotoInMotosAccount(LocalAws aws) {
        String token = aws.identityCenter().issueAccessToken();
        RoleCredentials creds = aws.clients().sso(LocalAws.REGION).getRoleCredentials(b -> b.accessToken(token)
                .accountId(FakeIdentityCenter.DEFAULT_ACCOUNT).roleName("HangarResearcher")).roleCredentials();

        try (AwsClients asUser = new AwsClients(aws.settings(), StaticCredentialsProvider.create(
                AwsSessionCredentials.create(creds.accessKeyId(), creds.secretAccessKey(), creds.sessionToken())))) {
            assertThat(asUser.sts(LocalAws.REGION).getCallerIdentity().account()).isEqualTo(LocalAws.ACCOUNT_ID);
        }
    }

    @Test
    void refreshTokenGivesNewTokensUntilRevoked(LocalAws aws) {
        SsoOidcClient oidc = aws.clients().ssoOidc(LocalAws.REGION);
        RegisterClientResponse client = oidc.registerClient(b -> b.clientName("hangar").clientType("public"));
        StartDeviceAuthorizationResponse device = oidc.startDeviceAuthorization(b -> b
                .clientId(client.clientId()).clientSecret(client.clientSecret()).startUrl(START_URL));
        CreateTokenResponse first = oidc.createToken(b -> b.clientId(client.clientId()).clientSecret(client.clientSecret())
                .grantType(FakeIdentityCenter.DEVICE_CODE_GRANT).deviceCode(device.deviceCode()));

        CreateTokenResponse refreshed = oidc.createToken(b -> b.clientId(client.clientId())
                .clientSecret(client.clientSecret()).grantType("refresh_token").refreshToken(first.refreshToken()));
        assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());

        aws.identityCenter().revokeRefreshTokens();
        assertThatThrownBy(() -> oidc.createToken(b -> b.clientId(client.clientId())
                .clientSecret(client.clientSecret()).grantType("refresh_token").refreshToken(refreshed.refreshToken())))
                .isInstanceOf(InvalidGrantException.class);
    }

    @Test
    void unknownOrExpiredAccessTokenIsUnauthorized(LocalAws aws) {
        SsoClient sso = aws.clients().sso(LocalAws.REGION);

        assertThatThrownBy(() -> sso.listAccounts(b -> b.accessToken("not-a-token")))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.statusCode()).isEqualTo(401));

        String token = aws.identityCenter().issueAccessToken();
        assertThat(sso.listAccounts(b -> b.accessToken(token)).accountList()).hasSize(2);
        aws.identityCenter().expireAccessTokens();
        assertThatThrownBy(() -> sso.listAccounts(b -> b.accessToken(token))).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void logoutEndsTheSession(LocalAws aws) {
        SsoClient sso = aws.clients().sso(LocalAws.REGION);
        String token = aws.identityCenter().issueAccessToken();

        sso.logout(b -> b.accessToken(token));

        assertThatThrownBy(() -> sso.listAccounts(b -> b.accessToken(token))).isInstanceOf(UnauthorizedException.class);
        assertThat(aws.endpoint().requests()).extracting(RecordedRequest::action).containsExactly("Logout", "ListAccounts");
    }
}
