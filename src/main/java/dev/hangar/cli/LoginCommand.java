package dev.hangar.cli;

import dev.hangar.auth.AwsConfigWriter;
import dev.hangar.auth.AwsFiles;
import dev.hangar.auth.AwsProfiles;
import dev.hangar.auth.Cancellation;
import dev.hangar.auth.CredentialsStatus;
import dev.hangar.auth.DeviceAuthorization;
import dev.hangar.auth.IdentityCenter;
import dev.hangar.auth.IdentityCenterCredentials;
import dev.hangar.auth.SessionCredentials;
import dev.hangar.auth.Sleeper;
import dev.hangar.auth.SsoAccount;
import dev.hangar.auth.SsoLoginException;
import dev.hangar.auth.SsoProfile;
import dev.hangar.auth.SsoStart;
import dev.hangar.auth.SsoToken;
import dev.hangar.auth.SsoTokenCache;
import dev.hangar.aws.AwsClients;
import dev.hangar.aws.AwsSettings;
import dev.hangar.spec.Show;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code hangar login}: IAM Identity Center's device sign-in on the command line, as {@code aws sso login}
 * does it and into the same token cache, so either tool's sign-in serves both.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Sign in with IAM Identity Center (AWS SSO). Like 'aws sso login', and into the same cache (~/.aws/sso/cache),",
            "so a sign-in made here works for the aws CLI and SDKs, and theirs works here.",
            "Where: --sso-session NAME (a section of ~/.aws/config), --start-url URL --sso-region REGION, or --profile NAME.",
            "The page to open and the code it shows go to standard error; the result to standard output.",
            "Exit 0 signed in, 1 failed, declined or expired, 2 wrong usage."})
public final class LoginCommand extends HangarSubcommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Option(names = "--sso-session", paramLabel = "NAME", description = "The [sso-session NAME] of ~/.aws/config to sign in with "
            + "(with --start-url and --sso-region when the section does not exist yet)")
    String ssoSession;

    @Option(names = "--start-url", paramLabel = "URL", description = "The AWS access portal URL, e.g. https://d-1234567890.awsapps.com/start")
    String startUrl;

    @Option(names = "--sso-region", paramLabel = "REGION", description = "The region of the IAM Identity Center instance")
    String ssoRegion;

    @Option(names = "--account", paramLabel = "ID", description = "The AWS account to use (default: the only one you have)")
    String account;

    @Option(names = "--role", paramLabel = "NAME", description = "The role to use in it (default: the only one you have there)")
    String role;

    @Option(names = "--write-profile", paramLabel = "NAME",
            description = "Also add [profile NAME] with this account and role to ~/.aws/config (never changes an existing profile)")
    String writeProfile;

    private AwsFiles files;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper;
    private Map<String, String> env = System.getenv();

    /** Other files, clock, waits and environment than the user's: for tests, which must never touch the real ~/.aws. */
    public LoginCommand useEnvironment(AwsFiles files, Clock clock, Sleeper sleeper, Map<String, String> env) {
        this.files = files;
        this.clock = clock;
        this.sleeper = sleeper;
        this.env = env;
        return this;
    }

    private record Target(SsoStart start, Optional<String> account, Optional<String> role) {}

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        AwsFiles f = files != null ? files : AwsFiles.user();
        Target target;
        AwsSettings settings;
        try {
            target = target(AwsProfiles.read(f), f);
            if (writeProfile != null) {
                new AwsConfigWriter(f.config()).check(writeProfile, target.start());
            }
            settings = AwsSettings.of(null, global().endpointUrl, env).withInsecureEndpointAllowed(global().allowInsecureEndpoint);
            settings.requireSafeForSignIn();
        } catch (IllegalArgumentException e) {
            err.println("login: " + e.getMessage());
            err.flush();
            return ExitCode.INVALID;
        }
        Sleeper wait = sleeper != null ? sleeper : global().fastPolling ? Sleeper.fast() : Sleeper.real();
        SessionCredentials credentials = SessionCredentials.signedOut();
        try (AwsClients clients = new AwsClients(settings, credentials)) {
            IdentityCenter center = new IdentityCenter(clients, new SsoTokenCache(f.ssoCache()), clock, wait);
            return signIn(center, target, credentials, f, out, err);
        } catch (SsoLoginException e) {
            err.println("login: " + e.getMessage());
            return ExitCode.FAILED;
        } catch (SdkException e) {
            err.println("login: IAM Identity Center could not be reached or refused: " + Show.firstLine(e.getMessage()));
            return ExitCode.FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int signIn(IdentityCenter center, Target target, SessionCredentials credentials, AwsFiles f, PrintWriter out, PrintWriter err) {
        SsoStart start = target.start();
        Optional<SsoToken> cached = center.usableToken(start);
        if (cached.isPresent()) {
            err.println("Using the sign-in to " + start.label() + " cached in " + center.cache().file(start) + " (valid until "
                    + TIME.format(cached.get().expiresAt()) + ").");
        } else {
            center.signIn(start, d -> showCode(err, start, d), new Cancellation());
            err.println("Signed in; the sign-in is cached in " + center.cache().file(start) + ".");
        }
        err.flush();

        Optional<String> accountId = target.account();
        String accountLabel = accountId.orElse(null);
        if (accountId.isEmpty()) {
            List<SsoAccount> accounts = center.accounts(start);
            if (accounts.isEmpty()) {
                err.println("login: IAM Identity Center assigns you no AWS account.");
                return ExitCode.FAILED;
            }
            if (accounts.size() > 1) {
                out.println("You may use these accounts:");
                accounts.forEach(a -> out.println("  " + a.accountId() + "  " + a.accountName() + (a.emailAddress() == null ? "" : "  " + a.emailAddress())));
                return choose(err, "--account ID", "an account");
            }
            accountId = Optional.of(accounts.get(0).accountId());
            accountLabel = accounts.get(0).label();
        }
        Optional<String> roleName = target.role();
        if (roleName.isEmpty()) {
            List<String> roles = center.roles(start, accountId.get());
            if (roles.isEmpty()) {
                err.println("login: you have no role in account " + accountId.get() + ".");
                return ExitCode.FAILED;
            }
            if (roles.size() > 1) {
                out.println("Your roles in account " + accountLabel + ": " + String.join(", ", roles));
                return choose(err, "--account " + accountId.get() + " --role NAME", "a role");
            }
            roleName = Optional.of(roles.get(0));
        }

        IdentityCenterCredentials role = new IdentityCenterCredentials(center, start, accountId.get(), roleName.get());
        credentials.swap(role);
        role.resolveCredentials(); // GetRoleCredentials: the account and role really are the user's
        CredentialsStatus status = role.status();
        out.println("Signed in to account " + accountLabel + " as role " + roleName.get() + " (" + start.label() + ").");
        status.credentialsExpire().ifPresent(e -> out.println("Role credentials valid until " + TIME.format(e) + " ("
                + minutes(Duration.between(clock.instant(), e)) + "); renewed with the cached sign-in"
                + status.signInExpires().map(s -> ", which lasts until " + TIME.format(s)).orElse("") + "."));
        if (writeProfile != null) {
            AwsConfigWriter.Written w = new AwsConfigWriter(f.config()).addProfile(writeProfile, start, accountId.get(), roleName.get(),
                    Optional.empty());
            out.println("Added [profile " + writeProfile + "]" + (w.addedSession() ? " and [sso-session " + start.sessionName().orElse("") + "]" : "")
                    + " to " + w.file() + ": use it with --profile " + writeProfile + " (hangar and the aws CLI alike).");
        }
        return ExitCode.OK;
    }

    /** Signed in, but which account or role was not said and there is more than one: the sign-in is kept; say how to pick. */
    private int choose(PrintWriter err, String option, String what) {
        if (role != null || writeProfile != null) {
            err.println("login: there is more than one to choose from: add " + option + ".");
            return ExitCode.INVALID;
        }
        err.println("Signed in (the sign-in is cached). To use " + what + ", run login again with " + option + ".");
        return ExitCode.OK;
    }

    private Target target(AwsProfiles profiles, AwsFiles f) {
        Optional<String> acct = Optional.ofNullable(account).filter(s -> !s.isBlank());
        Optional<String> rl = Optional.ofNullable(role).filter(s -> !s.isBlank());
        if (ssoSession != null) {
            Optional<SsoStart> existing = profiles.ssoSession(ssoSession);
            if (existing.isPresent()) {
                if (startUrl != null && !sameUrl(startUrl, existing.get().startUrl())
                        || ssoRegion != null && !ssoRegion.trim().equals(existing.get().region())) {
                    throw new IllegalArgumentException("[sso-session " + ssoSession + "] in " + f.config() + " has start URL "
                            + existing.get().startUrl() + " and region " + existing.get().region() + "; leave out --start-url and --sso-region");
                }
                return new Target(existing.get(), acct, rl);
            }
            if (startUrl == null || ssoRegion == null) {
                throw new IllegalArgumentException("no [sso-session " + ssoSession + "] with sso_start_url and sso_region in " + f.config()
                        + sessionsFound(profiles) + "; to create it, add --start-url URL --sso-region REGION (and --write-profile NAME)");
            }
            return new Target(SsoStart.ofSession(ssoSession, startUrl, ssoRegion, List.of()), acct, rl);
        }
        if (startUrl != null || ssoRegion != null) {
            if (startUrl == null || ssoRegion == null) {
                throw new IllegalArgumentException("--start-url and --sso-region go together");
            }
            return new Target(SsoStart.legacy(startUrl, ssoRegion), acct, rl);
        }
        String profile = global().profile != null ? global().profile : env.get("AWS_PROFILE");
        if (profile != null && !profile.isBlank()) {
            SsoProfile p = profiles.identityCenter(profile).orElseThrow(() -> new IllegalArgumentException("profile '" + profile
                    + "' does not sign in through IAM Identity Center (it has no sso_session, or sso_start_url and sso_region)"));
            return new Target(p.start(), acct.or(p::accountId), rl.or(p::roleName));
        }
        throw new IllegalArgumentException("say where to sign in: --sso-session NAME" + sessionsFound(profiles)
                + ", --start-url URL --sso-region REGION, or --profile NAME");
    }

    private static String sessionsFound(AwsProfiles profiles) {
        return profiles.ssoSessionNames().isEmpty() ? "" : " (in your config: " + String.join(", ", profiles.ssoSessionNames()) + ")";
    }

    private void showCode(PrintWriter err, SsoStart start, DeviceAuthorization d) {
        err.println("To sign in to " + start.startUrl() + ", open this page in a browser:");
        err.println();
        err.println("    " + d.urlToOpen());
        err.println();
        err.println("and check that it shows the code  " + d.userCode()
                + (d.urlToOpen().equals(d.verificationUri()) ? "" : "  (or open " + d.verificationUri() + " and enter the code)"));
        err.println("Waiting for approval; the code expires in " + minutes(Duration.between(clock.instant(), d.expiresAt())) + "…");
        err.flush();
    }

    private static String minutes(Duration d) {
        long m = Math.max(0, d.toMinutes());
        return m >= 120 ? (m / 60) + " h " + (m % 60) + " min" : m + " min";
    }

    private static boolean sameUrl(String a, String b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(String url) {
        String u = url.trim();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
