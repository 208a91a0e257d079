package dev.hangar.ui.auth;

import static dev.hangar.testing.TokenOutcome.PENDING;
import static dev.hangar.testing.TokenOutcome.SLOW_DOWN;
import static dev.hangar.testing.TokenOutcome.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.auth.AwsFiles;
import dev.hangar.auth.IdentityCenter;
import dev.hangar.auth.SessionCredentials;
import dev.hangar.auth.Sleeper;
import dev.hangar.auth.SsoStart;
import dev.hangar.auth.SsoTokenCache;
import dev.hangar.aws.AwsClients;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.ui.auth.SignInViewModel.Phase;
import dev.hangar.ui.concurrent.CurrentThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The dialog's logic without a window: every background step runs at once on the calling thread. */
@ExtendWith(LocalAwsExtension.class)
class SignInViewModelTest {

    static final String START_URL = "https://d-9067a1b2c3.awsapps.com/start";

    @TempDir Path home;
    private AwsFiles files;
    private AwsClients clients;
    private IdentityCenter center;
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> opened = new ArrayList<>();
    private final AtomicReference<SignInResult> result = new AtomicReference<>();

    @BeforeEach
    void setUp(LocalAws aws) {
        files = AwsFiles.of(Map.of(), home);
        clients = new AwsClients(aws.settings(), SessionCredentials.signedOut());
        Sleeper recording = (d, c) -> waits.add(d);
        center = new IdentityCenter(clients, new SsoTokenCache(files.ssoCache()), Clock.systemUTC(), recording);
    }

    @AfterEach
    void tearDown() {
        clients.close();
    }

    private SignInViewModel model(SignInRequest request) {
        return new SignInViewModel(center, new CurrentThreadTaskExecutor(), opened::add, request, files.config(), result::set);
    }

    private static SsoStart session() {
        return SsoStart.ofSession("my-sso", START_URL, LocalAws.REGION, List.of());
    }

    @Test
    void fromWhereToCodeToAccountAndRoleToCredentialsAndProfile(LocalAws aws) throws Exception {
        aws.identityCenter().scriptToken(List.of(PENDING, SLOW_DOWN, SUCCESS));
        SignInViewModel m = model(SignInRequest.fresh(Optional.of(session()), Optional.of("eu-west-1")));
        assertThat(m.startUrlProperty().get()).isEqualTo(START_URL);
        assertThat(m.sessionName()).contains("my-sso");
        assertThat(m.canSignIn().get()).isTrue();

        m.signIn();

        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(6));
        assertThat(opened).singleElement().satisfies(u -> assertThat(u).endsWith("user_code=" + m.userCodeProperty().get()));
        assertThat(m.phaseProperty().get()).isEqualTo(Phase.CHOOSING);
        assertThat(m.accounts()).hasSize(2);
        assertThat(m.canFinish().get()).isFalse();

        m.selectedAccountProperty().set(m.accounts().get(1));
        assertThat(m.roles()).containsExactly("AdministratorAccess");
        assertThat(m.selectedRoleProperty().get()).as("the only role is chosen").isEqualTo("AdministratorAccess");
        m.saveProfileProperty().set(true);
        m.profileNameProperty().set("has space");
        m.finish();
        assertThat(m.messageIsErrorProperty().get()).isTrue();
        assertThat(m.messageProperty().get()).contains("profile name");

        m.profileNameProperty().set("sandbox");
        m.finish();
        assertThat(m.phaseProperty().get()).isEqualTo(Phase.DONE);
        assertThat(result.get().credentials().accountId()).isEqualTo("210987654321");
        assertThat(result.get().profile()).hasValueSatisfying(w -> assertThat(w.addedSession()).isTrue());
        assertThat(Files.readString(files.config())).contains("[profile sandbox]\nsso_session = my-sso\n").contains("region = eu-west-1\n");
    }

    @Test
    void anEditedStartUrlIsALegacySignInNotTheSessions(LocalAws aws) {
        SignInViewModel m = model(SignInRequest.fresh(Optional.of(session()), Optional.empty()));
        m.startUrlProperty().set("https://other.awsapps.com/start");
        m.signIn();
        assertThat(m.phaseProperty().get()).isEqualTo(Phase.CHOOSING);
        assertThat(files.ssoCache().resolve(SsoStart.legacy("https://other.awsapps.com/start", "us-east-1").cacheKey() + ".json")).isRegularFile();
        assertThat(files.ssoCache().resolve(session().cacheKey() + ".json")).doesNotExist();
    }

    @Test
    void signingInAgainWithARevokedCachedTokenAsksForANewOne(LocalAws aws) {
        center.signIn(session(), d -> { }, new dev.hangar.auth.Cancellation());
        aws.identityCenter().expireAccessTokens();
        aws.identityCenter().revokeRefreshTokens();
        aws.endpoint().clearRecord();

        SignInViewModel m = model(new SignInRequest(Optional.of(session()), Optional.of("123456789012"), Optional.of("ReadOnly"), true,
                Optional.empty()));
        m.signIn();

        assertThat(m.phaseProperty().get()).as(m.messageProperty().get()).isEqualTo(Phase.DONE);
        assertThat(aws.endpoint().count("ssooidc", "StartDeviceAuthorization")).isEqualTo(1);
        assertThat(opened).hasSize(1);
        assertThat(result.get().credentials().roleName()).isEqualTo("ReadOnly");
        assertThat(m.accounts()).as("no pickers when signing in again").isEmpty();
    }
}
