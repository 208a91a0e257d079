package dev.hangar.auth;

import dev.hangar.aws.AwsClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.SsoException;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.InvalidClientException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.SsoOidcException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * IAM Identity Center as Hangar uses it: the OIDC device authorization (RFC 8628) that signs a user in,
 * the token cache it shares with the AWS CLI, refreshing tokens, and the access portal (accounts, roles,
 * role credentials). Every method blocks: call it off the UI thread.
 */
public final class IdentityCenter {

    public static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    public static final String REFRESH_TOKEN_GRANT = "refresh_token";
    /** RFC 8628 §3.5: after slow_down, poll 5 seconds less often, for good. */
    public static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);
    /** The interval RFC 8628 prescribes when the server names none. */
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    static final Duration DEFAULT_CODE_LIFETIME = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(IdentityCenter.class);

    private final AwsClients clients;
    private final SsoTokenCache cache;
    private final Clock clock;
    private final Sleeper sleeper;

    /**
     * @param clients where the OIDC and portal clients come from (they are anonymous: the token is the credential)
     * @param cache   the token cache, normally {@code ~/.aws/sso/cache}
     */
    public IdentityCenter(AwsClients clients, SsoTokenCache cache, Clock clock, Sleeper sleeper) {
        this.clients = clients;
        this.cache = cache;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public Clock clock() {
        return clock;
    }

    public SsoTokenCache cache() {
        return cache;
    }

    // ---- tokens ----

    /**
     * A token that works now, without asking the user: the cached one while it is fresh, else one from its
     * refresh token (saved to the cache), else the cached one while it has not expired. Empty when the user
     * has to sign in.
     */
    public synchronized Optional<SsoToken> usableToken(SsoStart start) {
        Instant now = clock.instant();
        Optional<SsoToken> cached = cache.load(start).filter(t -> sameStart(start, t));
        if (cached.isEmpty()) {
            return Optional.empty();
        }
        SsoToken token = cached.get();
        if (token.isFreshAt(now)) {
            return cached;
        }
        Optional<SsoToken> refreshed = token.canRefreshAt(now) ? refresh(start, token) : Optional.empty();
        if (refreshed.isPresent()) {
            return refreshed;
        }
        return token.isValidAt(now) ? cached : Optional.empty();
    }

    /**
     * The device flow: registers a client (or reuses the cached registration), starts a device authorization,
     * hands the page and code to {@code show} (to open a browser and show the code), then polls CreateToken
     * at the interval Identity Center asks for, 5 s slower after each slow_down, until the user approves,
     * declines, the code expires or {@code cancellation} is cancelled. The token is saved to the cache.
     *
     * @throws SsoLoginException EXPIRED, DENIED, CANCELLED or FAILED
     */
    public SsoToken signIn(SsoStart start, Consumer<DeviceAuthorization> show, Cancellation cancellation) {
        SsoOidcClient oidc = clients.ssoOidc(start.region());
        Registration reg = registration(start, oidc, false);
        StartDeviceAuthorizationResponse device;
        try {
            device = startDevice(oidc, reg, start);
        } catch (InvalidClientException staleRegistration) {
            reg = registration(start, oidc, true);
            device = startDevice(oidc, reg, start);
        }
        Instant started = clock.instant();
        Instant expiresAt = started.plus(device.expiresIn() == null ? DEFAULT_CODE_LIFETIME : Duration.ofSeconds(device.expiresIn()));
        Duration interval = device.interval() == null ? DEFAULT_INTERVAL : Duration.ofSeconds(device.interval());
        show.accept(new DeviceAuthorization(device.userCode(), device.verificationUri(), device.verificationUriComplete(), expiresAt, interval));
        while (true) {
            pause(interval, cancellation);
            if (!clock.instant().isBefore(expiresAt)) {
                throw expired();
            }
            try {
                Registration r = reg;
                String deviceCode = device.deviceCode();
                CreateTokenResponse token = oidc.createToken(b -> b.clientId(r.clientId()).clientSecret(r.clientSecret())
                        .grantType(DEVICE_CODE_GRANT).deviceCode(deviceCode));
                SsoToken saved = tokenOf(start, token, reg, null);
                cache.save(start, saved);
                LOG.info("signed in to IAM Identity Center {}; the sign-in is cached in {}", start.label(), cache.file(start));
                return saved;
            } catch (AuthorizationPendingException pending) {
                // the user has not approved yet
            } catch (SlowDownException slowDown) {
                interval = interval.plus(SLOW_DOWN_STEP);
            } catch (ExpiredTokenException e) {
                throw expired();
            } catch (AccessDeniedException e) {
                throw SsoLoginException.of(SsoLoginException.Reason.DENIED, "the sign-in was declined in the browser");
            } catch (SsoOidcException e) {
                throw failed("IAM Identity Center refused the sign-in", e);
            }
        }
    }

    /** The cached token when it works (refreshed if need be), else the device flow. */
    public SsoToken token(SsoStart start, Consumer<DeviceAuthorization> show, Cancellation cancellation) {
        return usableToken(start).orElseGet(() -> signIn(start, show, cancellation));
    }

    /** Forgets the sign-in: tells the portal to end the session, and removes the cached token. */
    public void signOut(SsoStart start) {
        cache.load(start).filter(t -> t.isValidAt(clock.instant())).ifPresent(t -> {
            try {
                clients.sso(start.region()).logout(b -> b.accessToken(t.accessToken()));
            } catch (RuntimeException e) {
                LOG.info("the portal did not take the sign-out ({}); the cached token is removed anyway", e.getClass().getSimpleName());
            }
        });
        cache.delete(start);
    }

    // ---- the access portal ----

    /** The accounts the user may sign in to, every page of them. */
    public List<SsoAccount> accounts(SsoStart start) {
        return withToken(start, (sso, token) -> sso.listAccountsPaginator(b -> b.accessToken(token)).accountList().stream()
                .map(a -> new SsoAccount(a.accountId(), a.accountName(), a.emailAddress())).toList());
    }

    /** The roles the user has in an account, every page of them. */
    public List<String> roles(SsoStart start, String accountId) {
        return withToken(start, (sso, token) -> {
            try {
                return sso.listAccountRolesPaginator(b -> b.accessToken(token).accountId(accountId)).roleList().stream()
                        .map(RoleInfo::roleName).toList();
            } catch (SsoException e) {
                throw forbiddenOr(e, "you have no role in account " + accountId);
            }
        });
    }

    /** Short-lived credentials of a role, from the portal (GetRoleCredentials). */
    public AwsSessionCredentials roleCredentials(SsoStart start, String accountId, String roleName) {
        return withToken(start, (sso, token) -> {
            RoleCredentials c;
            try {
                c = sso.getRoleCredentials(b -> b.accessToken(token).accountId(accountId).roleName(roleName)).roleCredentials();
            } catch (SsoException e) {
                throw forbiddenOr(e, "you may not use role " + roleName + " in account " + accountId + " (it is not assigned to you)");
            }
            return AwsSessionCredentials.builder().accessKeyId(c.accessKeyId()).secretAccessKey(c.secretAccessKey())
                    .sessionToken(c.sessionToken()).expirationTime(Instant.ofEpochMilli(c.expiration()))
                    .accountId(accountId).providerName("IAM Identity Center").build();
        });
    }

    // ---- inside ----

    private interface PortalCall<T> {
        T call(SsoClient sso, String accessToken);
    }

    /** Runs a portal call with a usable token; a token the portal no longer takes is refreshed once. */
    private <T> T withToken(SsoStart start, PortalCall<T> call) {
        SsoClient sso = clients.sso(start.region());
        SsoToken token = usableToken(start).orElseThrow(() -> SsoLoginException.signInRequired(start));
        try {
            return call.call(sso, token.accessToken());
        } catch (UnauthorizedException rejected) {
            LOG.info("the access portal no longer takes the cached token of {}; refreshing it", start.label());
            SsoToken again;
            synchronized (this) {
                // Another thread may have refreshed it already (a refresh token works once): take that one.
                Instant now = clock.instant();
                SsoToken latest = cache.load(start).filter(t -> sameStart(start, t)).orElse(token);
                if (!latest.accessToken().equals(token.accessToken()) && latest.isValidAt(now)) {
                    again = latest;
                } else {
                    again = latest.canRefreshAt(now) ? refresh(start, latest).orElse(null) : null;
                }
            }
            if (again == null) {
                throw SsoLoginException.signInRequired(start);
            }
            try {
                return call.call(sso, again.accessToken());
            } catch (UnauthorizedException stillRejected) {
                throw SsoLoginException.signInRequired(start);
            }
        }
    }

    /** CreateToken with the refresh_token grant; empty when Identity Center refuses (revoked, expired). Caller holds the lock. */
    private Optional<SsoToken> refresh(SsoStart start, SsoToken token) {
        try {
            CreateTokenResponse r = clients.ssoOidc(start.region()).createToken(b -> b.clientId(token.clientId())
                    .clientSecret(token.clientSecret()).grantType(REFRESH_TOKEN_GRANT).refreshToken(token.refreshToken()));
            Registration reg = new Registration(token.clientId(), token.clientSecret(), token.registrationExpiresAt());
            SsoToken fresh = tokenOf(start, r, reg, token.refreshToken());
            cache.save(start, fresh);
            LOG.info("refreshed the IAM Identity Center token of {}", start.label());
            return Optional.of(fresh);
        } catch (SsoOidcException e) {
            LOG.info("IAM Identity Center did not refresh the token of {} ({}): a new sign-in is needed", start.label(),
                    e.awsErrorDetails() == null ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode());
            return Optional.empty();
        }
    }

    private record Registration(String clientId, String clientSecret, Instant expiresAt) {
        @Override
        public String toString() {
            return "Registration[clientId=" + clientId + ", expiresAt=" + expiresAt + "]";
        }
    }

    private Registration registration(SsoStart start, SsoOidcClient oidc, boolean fresh) {
        Instant now = clock.instant();
        if (!fresh) {
            Optional<SsoToken> cached = cache.load(start).filter(t -> start.region().equals(t.region()) && t.hasRegistrationAt(now));
            if (cached.isPresent()) {
                return new Registration(cached.get().clientId(), cached.get().clientSecret(), cached.get().registrationExpiresAt());
            }
        }
        try {
            RegisterClientResponse r = oidc.registerClient(b -> {
                b.clientName("hangar-" + start.sessionName().orElse("sso")).clientType("public");
                if (!start.scopes().isEmpty()) {
                    b.scopes(start.scopes());
                }
            });
            Instant expires = r.clientSecretExpiresAt() == null ? null : Instant.ofEpochSecond(r.clientSecretExpiresAt());
            return new Registration(r.clientId(), r.clientSecret(), expires);
        } catch (SsoOidcException e) {
            throw failed("IAM Identity Center did not register Hangar as a client", e);
        }
    }

    private static StartDeviceAuthorizationResponse startDevice(SsoOidcClient oidc, Registration reg, SsoStart start) {
        try {
            return oidc.startDeviceAuthorization(b -> b.clientId(reg.clientId()).clientSecret(reg.clientSecret()).startUrl(start.startUrl()));
        } catch (InvalidClientException e) {
            throw e;
        } catch (SsoOidcException e) {
            throw failed("IAM Identity Center did not start the sign-in for " + start.startUrl(), e);
        }
    }

    private SsoToken tokenOf(SsoStart start, CreateTokenResponse r, Registration reg, String previousRefreshToken) {
        Instant expires = clock.instant().plusSeconds(r.expiresIn() == null ? 3600 : r.expiresIn()).truncatedTo(ChronoUnit.SECONDS);
        String refresh = r.refreshToken() != null && !r.refreshToken().isBlank() ? r.refreshToken() : previousRefreshToken;
        return new SsoToken(start.startUrl(), start.region(), r.accessToken(), expires, reg.clientId(), reg.clientSecret(),
                reg.expiresAt(), refresh);
    }

    private void pause(Duration interval, Cancellation cancellation) {
        if (cancellation.isCancelled()) {
            throw cancelled();
        }
        try {
            sleeper.sleep(interval, cancellation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled();
        }
        if (cancellation.isCancelled()) {
            throw cancelled();
        }
    }

    /** A cache file of another start URL under this key (a reused session name) is not this sign-in's. */
    private static boolean sameStart(SsoStart start, SsoToken token) {
        return token.startUrl() == null || normal(token.startUrl()).equals(normal(start.startUrl()));
    }

    private static String normal(String url) {
        String u = url.trim();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /** The portal answers 403 (ForbiddenException, which the SDK has no class for) for an account or role not assigned to the user. */
    private static RuntimeException forbiddenOr(SsoException e, String forbidden) {
        if (e instanceof UnauthorizedException) {
            return e;
        }
        return e.statusCode() == 403 ? SsoLoginException.of(SsoLoginException.Reason.FORBIDDEN, forbidden, e) : e;
    }

    private static SsoLoginException expired() {
        return SsoLoginException.of(SsoLoginException.Reason.EXPIRED, "the sign-in code expired before it was approved: start again");
    }

    private static SsoLoginException cancelled() {
        return SsoLoginException.of(SsoLoginException.Reason.CANCELLED, "the sign-in was cancelled");
    }

    private static SsoLoginException failed(String what, SsoOidcException e) {
        String detail = e.awsErrorDetails() == null ? e.getClass().getSimpleName()
                : e.awsErrorDetails().errorCode() + (e.awsErrorDetails().errorMessage() == null ? "" : ": " + e.awsErrorDetails().errorMessage());
        return SsoLoginException.of(SsoLoginException.Reason.FAILED, what + " (" + detail + ")", e);
    }
}
