package dev.hangar.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.testing.FakeIdentityCenter;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sign-in made in Hangar works for everything else that reads ~/.aws the CLI's way: a separate JVM with only
 * the AWS SDK's own ProfileCredentialsProvider (which implements the CLI's rules and reads its token cache)
 * gets role credentials from the fake portal with the token Hangar cached, for an sso-session profile and
 * for a legacy one.
 */
@ExtendWith(LocalAwsExtension.class)
class SdkInteropTest {

    @TempDir Path home;
    @TempDir Path work;

    @Test
    void theSdksProfileProviderUsesAnSsoSessionSignInMadeInHangar(LocalAws aws) throws Exception {
        probe(aws, AuthFixture.session(), "research");
    }

    @Test
    void theSdksProfileProviderUsesALegacySignInMadeInHangar(LocalAws aws) throws Exception {
        probe(aws, AuthFixture.legacy(), "old-style");
    }

    private void probe(LocalAws aws, SsoStart start, String profile) throws Exception {
        SsoToken token;
        try (AuthFixture f = new AuthFixture(aws, home)) {
            token = f.signIn(start);
            new AwsConfigWriter(f.files.config()).addProfile(profile, start, FakeIdentityCenter.DEFAULT_ACCOUNT, "HangarResearcher",
                    Optional.of(LocalAws.REGION));
        }
        aws.endpoint().clearRecord();

        ChildJvm.Result r = ChildJvm.run(work, Map.of("HOME", home.toString(), "AWS_ENDPOINT_URL", aws.uri().toString(),
                "AWS_EC2_METADATA_DISABLED", "true"), List.of(), SdkProbe.class.getName(), profile);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(aws.endpoint().requests("sso", "GetRoleCredentials")).singleElement().satisfies(req -> {
            assertThat(req.header("x-amz-sso_bearer_token")).isEqualTo(token.accessToken());
            assertThat(req.param("account_id")).isEqualTo(FakeIdentityCenter.DEFAULT_ACCOUNT);
            assertThat(req.param("role_name")).isEqualTo("HangarResearcher");
        });
        assertThat(aws.endpoint().count("ssooidc", "CreateToken")).as("the SDK needed no new token").isZero();
        String issued = aws.identityCenter().issuedCredentials().get(aws.identityCenter().issuedCredentials().size() - 1).accessKeyId();
        assertThat(r.out()).contains("keyHash=" + sha256(issued)).contains("account=" + LocalAws.ACCOUNT_ID);
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
