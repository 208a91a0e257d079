package dev.hangar.auth;

import static dev.hangar.testing.TokenOutcome.DENIED;
import static dev.hangar.testing.TokenOutcome.EXPIRED;
import static dev.hangar.testing.TokenOutcome.PENDING;
import static dev.hangar.testing.TokenOutcome.SLOW_DOWN;
import static dev.hangar.testing.TokenOutcome.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.cli.HangarCommand;
import dev.hangar.cli.LoginCommand;
import dev.hangar.testing.FakeIdentityCenter;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hangar login} in this JVM, on a temporary ~/.aws and a fake clock, against the fake IAM Identity Center. */
@ExtendWith(LocalAwsExtension.class)
class LoginCommandTest {

    static final String CONFIG = """
            [profile keys]
            region = us-east-1

            [sso-session my-sso]
            sso_start_url = https://d-9067a1b2c3.awsapps.com/start
            sso_region = us-east-1
            sso_registration_scopes = sso:account:access
            """;
    private static final Pattern CODE = Pattern.compile("shows the code +([A-F0-9]{4}-[A-F0-9]{4})");

    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    @TempDir Path home;
    private AwsFiles files;
    private FakeClock clock;
    private FakeSleeper sleeper;

    @BeforeEach
    void files() throws Exception {
        files = AwsFiles.of(Map.of(), home);
        Files.createDirectories(files.config().getParent());
        Files.writeString(files.config(), CONFIG);
        clock = FakeClock.atNow();
        sleeper = new FakeSleeper(clock);
    }

    Result login(LocalAws aws, String... args) {
        return loginAt(aws.uri().toString(), args);
    }

    Result loginAt(String endpoint, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = HangarCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        ((LoginCommand) cli.getSubcommands().get("login").getCommand()).useEnvironment(files, clock, sleeper, Map.of());
        List<String> all = new ArrayList<>(List.of("login"));
        all.addAll(List.of(args));
        all.addAll(List.of("--endpoint-url", endpoint));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void signsInWithAnSsoSessionPollingAsAskedAndWritesTheProfileOnRequest(LocalAws aws) throws Exception {
        aws.identityCenter().scriptToken(List.of(PENDING, SLOW_DOWN, SUCCESS));

        Result r = login(aws, "--sso-session", "my-sso", "--account", FakeIdentityCenter.DEFAULT_ACCOUNT, "--role", "HangarResearcher",
                "--write-profile", "research");

        assertThat(r.exit()).as(r.toString()).isZero();
        Matcher code = CODE.matcher(r.err());
        assertThat(code.find()).as(r.err()).isTrue();
        assertThat(r.err()).contains("https://device.sso.us-east-1.amazonaws.com/?user_code=" + code.group(1))
                .contains("expires in 10 min");
        assertThat(r.out()).as("the code goes to standard error only").doesNotContain(code.group(1));
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(6));
        assertThat(r.out()).contains("Signed in to account 123456789012 as role HangarResearcher (sso-session my-sso")
                .containsPattern("Role credentials valid until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC \\((59|60) min\\)")
                .contains("Added [profile research] to " + files.config());
        Path cache = files.ssoCache().resolve(SsoTokenCacheTest.SHA1_MY_SSO + ".json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rw-------");
        assertThat(Files.readString(files.config())).startsWith(CONFIG).contains("[profile research]\nsso_session = my-sso\n");
        assertThat(Files.readString(files.config()).split("\\[sso-session my-sso\\]", -1)).hasSize(2);
        SecretScan.assertNoSecrets(aws, List.of(cache), r.out(), r.err());
    }

    @Test
    void theNextLoginUsesTheCachedSignInAndPicksTheOnlyRole(LocalAws aws) {
        assertThat(login(aws, "--sso-session", "my-sso", "--account", FakeIdentityCenter.DEFAULT_ACCOUNT, "--role", "ReadOnly",
                "--write-profile", "research").exit()).isZero();
        aws.endpoint().clearRecord();

        Result byProfile = login(aws, "--profile", "research");
        assertThat(byProfile.exit()).as(byProfile.toString()).isZero();
        assertThat(byProfile.err()).contains("Using the sign-in to sso-session my-sso").contains("cached in " + files.ssoCache());
        assertThat(byProfile.out()).contains("Signed in to account 123456789012 as role ReadOnly");

        Result onlyRole = login(aws, "--sso-session", "my-sso", "--account", "210987654321");
        assertThat(onlyRole.exit()).as(onlyRole.toString()).isZero();
        assertThat(onlyRole.out()).contains("as role AdministratorAccess");
        assertThat(aws.endpoint().count("ssooidc", "StartDeviceAuthorization")).isZero();
        assertThat(aws.endpoint().count("ssooidc", "CreateToken")).isZero();
    }

    @Test
    void withAStartUrlItSignsInTheLegacyWayAndListsWhatThereIsToChoose(LocalAws aws) {
        Result r = login(aws, "--start-url", AuthFixture.START_URL, "--sso-region", "us-east-1");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("123456789012  hangar-research  research@example.com").contains("210987654321  hangar-sandbox");
        assertThat(r.err()).contains("run login again with --account ID");
        assertThat(files.ssoCache().resolve(SsoTokenCacheTest.SHA1_START_URL + ".json")).isRegularFile();

        Result roles = login(aws, "--start-url", AuthFixture.START_URL, "--sso-region", "us-east-1", "--account", "123456789012");
        assertThat(roles.exit()).isZero();
        assertThat(roles.out()).contains("Your roles in account 123456789012: HangarResearcher, ReadOnly");
        assertThat(login(aws, "--start-url", AuthFixture.START_URL, "--sso-region", "us-east-1", "--write-profile", "x").exit())
                .as("a profile needs one account and one role").isEqualTo(2);
    }

    @Test
    void anExpiredOrDeclinedSignInExitsOne(LocalAws aws) {
        aws.identityCenter().scriptToken(List.of(PENDING, EXPIRED));
        Result expired = login(aws, "--sso-session", "my-sso");
        assertThat(expired.exit()).as(expired.toString()).isEqualTo(1);
        assertThat(expired.err()).contains("login: the sign-in code expired");

        aws.identityCenter().scriptToken(List.of(DENIED));
        Result denied = login(aws, "--sso-session", "my-sso");
        assertThat(denied.exit()).isEqualTo(1);
        assertThat(denied.err()).contains("declined");

        aws.identityCenter().scriptToken(List.of(SUCCESS));
        Result forbidden = login(aws, "--sso-session", "my-sso", "--account", "210987654321", "--role", "HangarResearcher");
        assertThat(forbidden.exit()).isEqualTo(1);
        assertThat(forbidden.err()).contains("not assigned to you");
    }

    @Test
    void wrongUsageExitsTwoBeforeAnythingIsAsked(LocalAws aws) throws Exception {
        assertThat(login(aws).err()).contains("say where to sign in").contains("(in your config: my-sso)");
        assertThat(login(aws).exit()).isEqualTo(2);
        assertThat(login(aws, "--start-url", AuthFixture.START_URL).err()).contains("go together");
        assertThat(login(aws, "--sso-session", "other").err()).contains("no [sso-session other]");
        assertThat(login(aws, "--sso-session", "my-sso", "--start-url", "https://elsewhere.awsapps.com/start").exit()).isEqualTo(2);
        assertThat(login(aws, "--profile", "keys").err()).contains("does not sign in through IAM Identity Center");
        assertThat(login(aws, "--start-url", "http://insecure.example/start", "--sso-region", "us-east-1").err()).contains("https://");
        assertThat(login(aws, "--sso-session", "my-sso", "--write-profile", "keys").err()).contains("already exists");
        assertThat(login(aws, "--no-such-option").exit()).isEqualTo(2);
        assertThat(aws.endpoint().requests()).isEmpty();
        assertThat(Files.readString(files.config())).isEqualTo(CONFIG);
    }

    /** Issue 15: sign-in tokens never cross the network in cleartext unless the user says so. */
    @Test
    void aPlainHttpEndpointOnAnotherHostIsRefusedForSignInUnlessAllowed(LocalAws aws) {
        aws.identityCenter().scriptToken(List.of(SUCCESS));
        String[] signIn = {"--sso-session", "my-sso", "--account", FakeIdentityCenter.DEFAULT_ACCOUNT, "--role", "HangarResearcher"};

        // 0.0.0.0 is not loopback, yet connecting to it ends on this machine: refused at once, never a long wait.
        Result refused = loginAt("http://0.0.0.0:1", signIn);
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("cleartext").contains("--allow-insecure-endpoint");

        List<String> allowed = new ArrayList<>(List.of(signIn));
        allowed.add("--allow-insecure-endpoint");
        Result tried = loginAt("http://0.0.0.0:1", allowed.toArray(String[]::new));
        assertThat(tried.err()).as(tried.toString()).doesNotContain("cleartext").contains("could not be reached");

        Result local = loginAt(aws.uri().toString().replace("127.0.0.1", "localhost"), signIn);
        assertThat(local.exit()).as("loopback stays allowed: %s", local).isZero();
    }

    @Test
    void aNewSsoSessionIsCreatedWithTheProfile(LocalAws aws) throws Exception {
        Result r = login(aws, "--sso-session", "lab", "--start-url", "https://lab.awsapps.com/start", "--sso-region", "us-east-1",
                "--account", "123456789012", "--role", "ReadOnly", "--write-profile", "lab-ro");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Added [profile lab-ro] and [sso-session lab]");
        assertThat(AwsProfiles.read(files).identityCenter("lab-ro")).hasValueSatisfying(p -> {
            assertThat(p.start().startUrl()).isEqualTo("https://lab.awsapps.com/start");
            assertThat(p.start().cacheKey()).isEqualTo(SsoStart.sha1Hex("lab"));
        });
    }
}
