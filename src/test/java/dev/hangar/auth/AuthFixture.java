package dev.hangar.auth;

import dev.hangar.aws.AwsClients;
import dev.hangar.testing.LocalAws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A temporary home with its own ~/.aws, clients on the local endpoint whose credentials can be swapped
 * (the way the app builds them), and an {@link IdentityCenter} on a fake clock and sleeper.
 */
final class AuthFixture implements AutoCloseable {

    static final String START_URL = "https://d-9067a1b2c3.awsapps.com/start";
    static final String SESSION = "my-sso";

    final LocalAws aws;
    final Path home;
    final AwsFiles files;
    final FakeClock clock = FakeClock.atNow();
    final FakeSleeper sleeper = new FakeSleeper(clock);
    final SessionCredentials credentials = SessionCredentials.signedOut();
    final AwsClients clients;
    final SsoTokenCache cache;
    final IdentityCenter center;
    final List<DeviceAuthorization> shown = new ArrayList<>();

    AuthFixture(LocalAws aws, Path home) {
        this(aws, home, null);
    }

    AuthFixture(LocalAws aws, Path home, Clock clockOverride) {
        this.aws = aws;
        this.home = home;
        this.files = AwsFiles.of(java.util.Map.of(), home);
        this.clients = new AwsClients(aws.settings(), credentials);
        this.cache = new SsoTokenCache(files.ssoCache());
        this.center = new IdentityCenter(clients, cache, clockOverride == null ? clock : clockOverride, clockOverride == null ? sleeper : Sleeper.fast());
    }

    static SsoStart session() {
        return SsoStart.ofSession(SESSION, START_URL, LocalAws.REGION, List.of());
    }

    static SsoStart legacy() {
        return SsoStart.legacy(START_URL, LocalAws.REGION);
    }

    SsoToken signIn(SsoStart start) {
        return center.signIn(start, shown::add, new Cancellation());
    }

    void writeConfig(String text) {
        try {
            Files.createDirectories(files.config().getParent());
            Files.writeString(files.config(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        clients.close();
    }
}
