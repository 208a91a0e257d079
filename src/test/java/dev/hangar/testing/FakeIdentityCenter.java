package dev.hangar.testing;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state behind the fake IAM Identity Center (SSO portal + SSO OIDC) the front server answers:
 * accounts and their roles, registered clients, device authorizations with scripted CreateToken
 * outcomes, issued access/refresh tokens and role credentials. Reset before every test to:
 * account {@value #DEFAULT_ACCOUNT} "hangar-research" with roles HangarResearcher and ReadOnly,
 * account 210987654321 "hangar-sandbox" with role AdministratorAccess; every device code approved
 * at the first poll; access tokens for 8 hours, role credentials for 1 hour; poll interval 1 s.
 *
 * <p>The default account is moto's own account ID: moto answers any access key, so the role
 * credentials issued here act in account 123456789012 whatever account they were issued for.
 */
public final class FakeIdentityCenter {

    public static final String DEFAULT_ACCOUNT = "123456789012";
    public static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    public static final String REFRESH_TOKEN_GRANT = "refresh_token";

    public record Account(String accountId, String accountName, String emailAddress, List<String> roles) {}

    public record IssuedCredentials(String accountId, String roleName, String accessKeyId, String secretAccessKey,
            String sessionToken, Instant expiration) {}

    record Client(String clientId, String clientSecret, String clientName) {}

    record Device(String deviceCode, String userCode, String clientId, Deque<TokenOutcome> script, boolean redeemed) {}

    record Token(String accessToken, Instant expires) {}

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Client> clients = new LinkedHashMap<>();
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final Map<String, Token> accessTokens = new LinkedHashMap<>();
    private final List<String> refreshTokens = new ArrayList<>();
    private final List<IssuedCredentials> issued = new ArrayList<>();
    private List<TokenOutcome> script;
    private Duration accessTokenLifetime;
    private Duration credentialLifetime;
    private int pollIntervalSeconds;

    FakeIdentityCenter() {
        reset();
    }

    // ---- configuration (tests) ----

    /** Adds (or replaces) an account the user may sign in to, with the roles assigned to them. */
    public synchronized FakeIdentityCenter addAccount(String accountId, String name, String email, String... roles) {
        accounts.put(accountId, new Account(accountId, name, email, List.of(roles)));
        return this;
    }

    public synchronized FakeIdentityCenter clearAccounts() {
        accounts.clear();
        return this;
    }

    /**
     * The outcomes CreateToken gives, poll by poll, for each device code started from now on, e.g.
     * {@code List.of(PENDING, PENDING, SLOW_DOWN, SUCCESS)}. When the script runs out its last
     * outcome repeats; after SUCCESS the device code is spent (InvalidGrantException), as in AWS.
     */
    public synchronized FakeIdentityCenter scriptToken(List<TokenOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("a token script needs at least one outcome");
        }
        this.script = List.copyOf(outcomes);
        return this;
    }

    public synchronized FakeIdentityCenter setAccessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = lifetime;
        return this;
    }

    public synchronized FakeIdentityCenter setCredentialLifetime(Duration lifetime) {
        this.credentialLifetime = lifetime;
        return this;
    }

    /** The {@code interval} StartDeviceAuthorization tells the client to poll at (0 is allowed, for fast tests). */
    public synchronized FakeIdentityCenter setPollInterval(int seconds) {
        this.pollIntervalSeconds = seconds;
        return this;
    }

    /** Every access token issued so far stops working: the portal answers 401 UnauthorizedException. */
    public synchronized void expireAccessTokens() {
        accessTokens.replaceAll((k, t) -> new Token(k, Instant.EPOCH));
    }

    /** Every refresh token issued so far stops working: CreateToken answers InvalidGrantException. */
    public synchronized void revokeRefreshTokens() {
        refreshTokens.clear();
    }

    /** A valid access token without the device flow, for tests that start signed in. */
    public synchronized String issueAccessToken() {
        String token = "aoa" + token(48);
        accessTokens.put(token, new Token(token, Instant.now().plus(accessTokenLifetime)));
        return token;
    }

    // ---- observation (tests) ----

    public synchronized List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    /** Role credentials handed out by GetRoleCredentials, oldest first. */
    public synchronized List<IssuedCredentials> issuedCredentials() {
        return List.copyOf(issued);
    }

    public synchronized int registeredClientCount() {
        return clients.size();
    }

    // ---- used by the SSO APIs ----

    synchronized Client registerClient(String name) {
        Client c = new Client(token(22), "secret-" + token(32), name);
        clients.put(c.clientId(), c);
        return c;
    }

    synchronized Optional<Client> client(String clientId, String secret) {
        Client c = clients.get(clientId);
        return c != null && c.clientSecret().equals(secret) ? Optional.of(c) : Optional.empty();
    }

    synchronized Device startDevice(String clientId) {
        String userCode = (token(2) + "-" + token(2)).toUpperCase();
        Device d = new Device(token(40), userCode, clientId, new ArrayDeque<>(script), false);
        devices.put(d.deviceCode(), d);
        return d;
    }

    /** The next scripted outcome for a device code, or empty when the code is unknown or spent. */
    synchronized Optional<TokenOutcome> poll(String deviceCode, String clientId) {
        Device d = devices.get(deviceCode);
        if (d == null || d.redeemed() || !d.clientId().equals(clientId)) {
            return Optional.empty();
        }
        TokenOutcome next = d.script().size() > 1 ? d.script().removeFirst() : d.script().peekFirst();
        if (next == TokenOutcome.SUCCESS) {
            devices.put(deviceCode, new Device(d.deviceCode(), d.userCode(), d.clientId(), d.script(), true));
        }
        return Optional.of(next);
    }

    /** Issues an access token and a refresh token: {@code [accessToken, refreshToken]}. */
    synchronized String[] issueTokens() {
        String access = issueAccessToken();
        String refresh = "aor" + token(48);
        refreshTokens.add(refresh);
        return new String[] {access, refresh};
    }

    /** Trades a refresh token for new tokens, or empty when it is unknown or revoked. */
    synchronized Optional<String[]> refresh(String refreshToken) {
        if (!refreshTokens.remove(refreshToken)) {
            return Optional.empty();
        }
        return Optional.of(issueTokens());
    }

    synchronized boolean isValid(String accessToken) {
        Token t = accessToken == null ? null : accessTokens.get(accessToken);
        return t != null && Instant.now().isBefore(t.expires());
    }

    synchronized void logout(String accessToken) {
        accessTokens.remove(accessToken);
    }

    synchronized Optional<Account> account(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    synchronized IssuedCredentials issueCredentials(String accountId, String roleName) {
        IssuedCredentials c = new IssuedCredentials(accountId, roleName, "ASIA" + token(8).toUpperCase(),
                token(20), "IQoJb3JpZ2luX2VjE" + token(64), Instant.now().plus(credentialLifetime));
        issued.add(c);
        return c;
    }

    synchronized Duration accessTokenLifetime() {
        return accessTokenLifetime;
    }

    synchronized int pollInterval() {
        return pollIntervalSeconds;
    }

    synchronized void reset() {
        accounts.clear();
        clients.clear();
        devices.clear();
        accessTokens.clear();
        refreshTokens.clear();
        issued.clear();
        addAccount(DEFAULT_ACCOUNT, "hangar-research", "research@example.com", "HangarResearcher", "ReadOnly");
        addAccount("210987654321", "hangar-sandbox", "sandbox@example.com", "AdministratorAccess");
        script = List.of(TokenOutcome.SUCCESS);
        accessTokenLifetime = Duration.ofHours(8);
        credentialLifetime = Duration.ofHours(1);
        pollIntervalSeconds = 1;
    }

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
