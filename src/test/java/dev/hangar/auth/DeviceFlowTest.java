package dev.hangar.auth;

import static dev.hangar.testing.TokenOutcome.DENIED;
import static dev.hangar.testing.TokenOutcome.EXPIRED;
import static dev.hangar.testing.TokenOutcome.PENDING;
import static dev.hangar.testing.TokenOutcome.SLOW_DOWN;
import static dev.hangar.testing.TokenOutcome.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The OIDC device authorization against the fake IAM Identity Center, on a fake clock: nothing sleeps for real. */
@ExtendWith(LocalAwsExtension.class)
class DeviceFlowTest {

    @TempDir Path home;

    @Test
    void pollsAtTheIntervalAndFiveSecondsSlowerAfterSlowDown(LocalAws aws) {
        aws.identityCenter().scriptToken(List.of(PENDING, PENDING, SLOW_DOWN, SUCCESS));
        try (AuthFixture f = new AuthFixture(aws, home)) {
            SsoToken token = f.signIn(AuthFixture.session());

            assertThat(f.sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                    Duration.ofSeconds(6));
            assertThat(aws.endpoint().count("ssooidc", "RegisterClient")).isEqualTo(1);
            assertThat(aws.endpoint().count("ssooidc", "StartDeviceAuthorization")).isEqualTo(1);
            List<RecordedRequest> polls = aws.endpoint().requests("ssooidc", "CreateToken");
            assertThat(polls).hasSize(4).allSatisfy(r -> assertThat(r.param("grantType")).isEqualTo(IdentityCenter.DEVICE_CODE_GRANT));
            assertThat(polls).extracting(RecordedRequest::errorCode)
                    .containsExactly("AuthorizationPendingException", "AuthorizationPendingException", "SlowDownException", null);

            DeviceAuthorization shown = f.shown.get(0);
            assertThat(f.shown).hasSize(1);
            assertThat(shown.userCode()).matches("[A-F0-9]{4}-[A-F0-9]{4}");
            assertThat(shown.urlToOpen()).isEqualTo(shown.verificationUriComplete()).endsWith("user_code=" + shown.userCode());
            assertThat(shown.interval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(shown.expiresAt()).isEqualTo(f.clock.instant().minus(Duration.ofSeconds(9)).plusSeconds(600));

            assertThat(token.refreshToken()).isNotBlank();
            assertThat(token.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofHours(8)));
            assertThat(f.cache.load(AuthFixture.session())).hasValueSatisfying(c -> assertThat(c.accessToken()).isEqualTo(token.accessToken()));
            assertThat(aws.endpoint().mutatingRequests()).isEmpty();
        }
    }

    @Test
    void everySlowDownAddsFiveSecondsForGood(LocalAws aws) {
        aws.identityCenter().setPollInterval(2).scriptToken(List.of(SLOW_DOWN, SLOW_DOWN, PENDING, SLOW_DOWN, SUCCESS));
        try (AuthFixture f = new AuthFixture(aws, home)) {
            f.signIn(AuthFixture.session());
            assertThat(f.sleeper.sleeps()).extracting(Duration::toSeconds).containsExactly(2L, 7L, 12L, 12L, 17L);
        }
    }

    @Test
    void anExpiredCodeEndsTheSignIn(LocalAws aws) {
        aws.identityCenter().scriptToken(List.of(PENDING, PENDING, EXPIRED));
        try (AuthFixture f = new AuthFixture(aws, home)) {
            assertThatThrownBy(() -> f.signIn(AuthFixture.session())).isInstanceOfSatisfying(SsoLoginException.class, e -> {
                assertThat(e.reason()).isEqualTo(SsoLoginException.Reason.EXPIRED);
                assertThat(e.getMessage()).contains("expired");
            });
            assertThat(aws.endpoint().count("ssooidc", "CreateToken")).isEqualTo(3);
            assertThat(f.cache.load(AuthFixture.session())).isEmpty();
        }
    }

    @Test
    void stopsPollingWhenTheCodesLifetimeIsOverEvenIfTheServerKeepsSayingPending(LocalAws aws) {
        aws.identityCenter().setPollInterval(30).scriptToken(List.of(PENDING));
        try (AuthFixture f = new AuthFixture(aws, home)) {
            assertThatThrownBy(() -> f.signIn(AuthFixture.session())).isInstanceOfSatisfying(SsoLoginException.class,
                    e -> assertThat(e.reason()).isEqualTo(SsoLoginException.Reason.EXPIRED));
            // expiresIn is 600 s: 20 waits of 30 s, the last one reaching the end without a poll.
            assertThat(f.sleeper.total()).isEqualTo(Duration.ofSeconds(600));
            assertThat(aws.endpoint().count("ssooidc", "CreateToken")).isEqualTo(19);
        }
    }

    @Test
    void slowDownsCountTowardsTheCodesLifetime(LocalAws aws) {
        aws.identityCenter().scriptToken(List.of(SLOW_DOWN));
        try (AuthFixture f = new AuthFixture(aws, home)) {
            assertThatThrownBy(() -> f.signIn(AuthFixture.session())).isInstanceOf(SsoLoginException.class);
            List<Long> waits = f.sleeper.sleeps().stream().map(Duration::toSeconds).toList();
            List<Long> steps = new ArrayList<>();
            for (int i = 1; i < waits.size(); i++) {
                steps.add(waits.get(i) - waits.get(i - 1));
            }
            assertThat(waits.get(0)).isEqualTo(1L);
            assertThat(steps).isNotEmpty().containsOnly(5L);
            assertThat(f.sleeper.total()).isGreaterThanOrEqualTo(Duration.ofSeconds(600));
            assertThat(f.sleeper.total().minus(f.sleeper.sleeps().get(waits.size() - 1))).isLessThan(Duration.ofSeconds(600));
        }
    }

    @Test
    void aDeclinedSignInSaysSo(LocalAws aws) {
        aws.identityCenter().scriptToken(List.of(PENDING, DENIED));
        try (AuthFixture f = new AuthFixture(aws, home)) {
            assertThatThrownBy(() -> f.signIn(AuthFixture.session())).isInstanceOfSatisfying(SsoLoginException.class,
                    e -> assertThat(e.reason()).isEqualTo(SsoLoginException.Reason.DENIED));
        }
    }

    @Test
    void cancellingStopsTheWaitAndThePolling(LocalAws aws) {
        aws.identityCenter().scriptToken(List.of(PENDING));
        try (AuthFixture f = new AuthFixture(aws, home)) {
            Cancellation cancel = new Cancellation();
            List<Duration> waits = new ArrayList<>();
            IdentityCenter center = new IdentityCenter(f.clients, f.cache, f.clock, (d, c) -> {
                waits.add(d);
                if (waits.size() == 3) {
                    cancel.cancel(); // the user pressed Cancel during the third wait
                }
            });
            assertThatThrownBy(() -> center.signIn(AuthFixture.session(), d -> { }, cancel)).isInstanceOfSatisfying(SsoLoginException.class,
                    e -> assertThat(e.reason()).isEqualTo(SsoLoginException.Reason.CANCELLED));
            assertThat(aws.endpoint().count("ssooidc", "CreateToken")).isEqualTo(2);
        }
    }

    @Test
    void aRealWaitEndsAtOnceWhenCancelled() throws Exception {
        Cancellation cancel = new Cancellation();
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ignored) {
                return;
            }
            cancel.cancel();
        });
        long started = System.nanoTime();
        canceller.start();
        Sleeper.real().sleep(Duration.ofMinutes(5), cancel);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(cancel.isCancelled()).isTrue();
    }

    @Test
    void theNextSignInReusesTheClientRegistration(LocalAws aws) {
        try (AuthFixture f = new AuthFixture(aws, home)) {
            f.signIn(AuthFixture.session());
            f.signIn(AuthFixture.session());
            assertThat(aws.endpoint().count("ssooidc", "RegisterClient")).isEqualTo(1);
            assertThat(aws.endpoint().count("ssooidc", "StartDeviceAuthorization")).isEqualTo(2);
            assertThat(aws.identityCenter().registeredClientCount()).isEqualTo(1);
            // A session asks for the scope that makes Identity Center hand out refresh tokens.
            assertThat(aws.endpoint().requests("ssooidc", "RegisterClient").get(0).bodyAsString()).contains("sso:account:access");
        }
    }

    @Test
    void aLegacySignInIsCachedUnderTheStartUrl(LocalAws aws) throws Exception {
        try (AuthFixture f = new AuthFixture(aws, home)) {
            f.signIn(AuthFixture.legacy());
            assertThat(Files.exists(f.files.ssoCache().resolve(SsoStart.sha1Hex(AuthFixture.START_URL) + ".json"))).isTrue();
        }
    }
}
