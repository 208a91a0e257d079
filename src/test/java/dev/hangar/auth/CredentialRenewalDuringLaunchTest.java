package dev.hangar.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.journal.JournalStore;
import dev.hangar.provision.LaunchEvent;
import dev.hangar.provision.LaunchOutcome;
import dev.hangar.provision.Launcher;
import dev.hangar.provision.Pacing;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.testing.FakeIdentityCenter;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.RecordedRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole launch through the engine on IAM Identity Center credentials that last seconds: they are renewed
 * under the running launch, and no request goes out signed with credentials that had expired. And a sign-in
 * made again in the middle of a launch (the wizard's "sign in again") swaps the credentials under it.
 */
@ExtendWith(LocalAwsExtension.class)
class CredentialRenewalDuringLaunchTest {

    static final String BUCKET = "research-data";
    private static final Pattern KEY_ID = Pattern.compile("Credential=([A-Z0-9]+)/");

    @TempDir Path home;

    static LaunchSpec spec() {
        return LaunchSpec.builder().name("llama").region(LocalAws.REGION).amiId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType("g5.xlarge")
                .dataBucket(BUCKET).dataPrefix("train/").tag("project", "nlp").build();
    }

    @Test
    void shortLivedCredentialsAreRenewedWhileALaunchRuns(LocalAws aws) throws Exception {
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket(BUCKET));
        aws.identityCenter().setCredentialLifetime(Duration.ofSeconds(2));
        // Every call takes a little while, so that the launch outlasts several sets of credentials.
        aws.endpoint().setLatency(Duration.ofMillis(200));
        try (AuthFixture f = new AuthFixture(aws, home, Clock.systemUTC())) {
            f.signIn(AuthFixture.session());
            IdentityCenterCredentials creds = new IdentityCenterCredentials(f.center, AuthFixture.session(),
                    FakeIdentityCenter.DEFAULT_ACCOUNT, "HangarResearcher");
            f.credentials.swap(creds);
            aws.endpoint().clearRecord();

            Instant started = Instant.now();
            Launcher launcher = new Launcher(f.clients, new JournalStore(home.resolve("hangar")), home.resolve("hangar"), Pacing.fast(),
                    Clock.systemUTC());
            LaunchOutcome outcome = launcher.prepare(spec(), e -> { }).run();
            Duration took = Duration.between(started, Instant.now());

            assertThat(outcome.succeeded()).as(outcome.message()).isTrue();
            Map<String, Instant> expiry = aws.identityCenter().issuedCredentials().stream()
                    .collect(Collectors.toMap(FakeIdentityCenter.IssuedCredentials::accessKeyId, FakeIdentityCenter.IssuedCredentials::expiration));
            List<RecordedRequest> signed = aws.endpoint().requests().stream().filter(r -> r.header("authorization") != null).toList();
            List<String> keys = signed.stream().map(CredentialRenewalDuringLaunchTest::keyId).distinct().toList();
            System.out.printf("launch took %d ms, %d signed requests, %d sets of role credentials (GetRoleCredentials), %d used%n",
                    took.toMillis(), signed.size(), creds.fetchCount(), keys.size());
            assertThat(keys).as("credentials were renewed during the launch").hasSizeGreaterThanOrEqualTo(2);
            assertThat(signed).allSatisfy(r -> assertThat(expiry).containsKey(keyId(r)));
            assertThat(signed).as("no request signed with expired credentials")
                    .allSatisfy(r -> assertThat(r.start()).isBefore(expiry.get(keyId(r))));
            assertThat(creds.status().signInRequired()).isFalse();
        }
    }

    @Test
    void signingInAgainInTheMiddleOfALaunchSwapsTheCredentialsUnderIt(LocalAws aws) throws Exception {
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket(BUCKET));
        try (AuthFixture f = new AuthFixture(aws, home, Clock.systemUTC())) {
            f.signIn(AuthFixture.session());
            IdentityCenterCredentials first = new IdentityCenterCredentials(f.center, AuthFixture.session(),
                    FakeIdentityCenter.DEFAULT_ACCOUNT, "HangarResearcher");
            f.credentials.swap(first);
            AtomicBoolean swapped = new AtomicBoolean();
            AtomicReference<Instant> swappedAt = new AtomicReference<>();
            List<LaunchEvent> events = new CopyOnWriteArrayList<>();
            Launcher launcher = new Launcher(f.clients, new JournalStore(home.resolve("hangar")), home.resolve("hangar"), Pacing.fast(),
                    Clock.systemUTC());

            LaunchOutcome outcome = launcher.prepare(spec(), e -> {
                events.add(e);
                // Halfway through, the sign-in ends (tokens revoked) and the user signs in again.
                if (e instanceof LaunchEvent.Progress p && p.done() * 2 >= p.total() && swapped.compareAndSet(false, true)) {
                    aws.identityCenter().expireAccessTokens();
                    aws.identityCenter().revokeRefreshTokens();
                    f.signIn(AuthFixture.session());
                    f.credentials.swap(new IdentityCenterCredentials(f.center, AuthFixture.session(), FakeIdentityCenter.DEFAULT_ACCOUNT,
                            "HangarResearcher"));
                    swappedAt.set(Instant.now());
                }
            }).run();

            assertThat(outcome.succeeded()).as(outcome.message()).isTrue();
            assertThat(swapped).isTrue();
            List<FakeIdentityCenter.IssuedCredentials> issued = aws.identityCenter().issuedCredentials();
            assertThat(issued).hasSize(2);
            // A parallel step may have signed its call with the old credentials just before the swap; it reaches the
            // endpoint a moment later. Every call received 50 ms after the swap must carry the new ones.
            List<RecordedRequest> after = aws.endpoint().requests().stream()
                    .filter(r -> r.header("authorization") != null && r.start().isAfter(swappedAt.get().plusMillis(50))).toList();
            assertThat(after).as("requests after the new sign-in").isNotEmpty()
                    .allSatisfy(r -> assertThat(keyId(r)).isEqualTo(issued.get(1).accessKeyId()));
        }
    }

    static String keyId(RecordedRequest r) {
        Matcher m = KEY_ID.matcher(r.header("authorization"));
        return m.find() ? m.group(1) : "?";
    }
}
