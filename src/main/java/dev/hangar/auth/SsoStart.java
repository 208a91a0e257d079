package dev.hangar.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where to sign in to IAM Identity Center: the AWS access portal's start URL and the region of the
 * Identity Center instance, from an {@code [sso-session NAME]} section or, for a legacy profile, from
 * {@code sso_start_url}/{@code sso_region} on the profile itself.
 *
 * @param startUrl    e.g. {@code https://d-9067a1b2c3.awsapps.com/start}
 * @param region      the Identity Center region, e.g. {@code eu-west-1}
 * @param sessionName the {@code sso-session} name, or empty for a legacy (start URL only) sign-in
 * @param scopes      the registration scopes ({@code sso_registration_scopes}); none for legacy
 */
public record SsoStart(String startUrl, String region, Optional<String> sessionName, List<String> scopes) {

    /** What {@code aws configure sso} writes, and what lets Identity Center hand out refresh tokens. */
    public static final List<String> DEFAULT_SCOPES = List.of("sso:account:access");

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern SESSION_NAME = Pattern.compile("[^\\s\\[\\]#;=]{1,100}");

    public SsoStart {
        startUrl = requireStartUrl(startUrl);
        region = requireRegion(region);
        sessionName = sessionName.map(String::trim);
        sessionName.ifPresent(SsoStart::requireSessionName);
        scopes = List.copyOf(scopes);
    }

    /** An {@code sso-session}: its token is cached under the SHA-1 of the session's name. */
    public static SsoStart ofSession(String name, String startUrl, String region, List<String> scopes) {
        return new SsoStart(startUrl, region, Optional.of(name), scopes.isEmpty() ? DEFAULT_SCOPES : scopes);
    }

    /** A legacy sign-in by start URL: its token is cached under the SHA-1 of the start URL, and cannot be refreshed. */
    public static SsoStart legacy(String startUrl, String region) {
        return new SsoStart(startUrl, region, Optional.empty(), List.of());
    }

    /**
     * The cache file's name without {@code .json}, as the AWS CLI v2 and the SDKs compute it: the
     * lower-case hex SHA-1 of the UTF-8 session name, or of the start URL for a legacy sign-in.
     */
    public String cacheKey() {
        return sha1Hex(sessionName.orElse(startUrl));
    }

    public boolean isLegacy() {
        return sessionName.isEmpty();
    }

    /** How to name it to a person: the session's name, or the start URL. */
    public String label() {
        return sessionName.map(n -> "sso-session " + n + " (" + startUrl + ")").orElse(startUrl);
    }

    static String sha1Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-1", e);
        }
    }

    static String requireStartUrl(String url) {
        String u = url == null ? "" : url.trim();
        if (u.isEmpty()) {
            throw new IllegalArgumentException("the start URL is missing (e.g. https://d-1234567890.awsapps.com/start)");
        }
        URI uri;
        try {
            uri = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the start URL is not a URL: " + u);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("the start URL must be https://…, e.g. https://d-1234567890.awsapps.com/start; got " + u);
        }
        return u;
    }

    static String requireRegion(String region) {
        String r = region == null ? "" : region.trim();
        if (!REGION.matcher(r).matches()) {
            throw new IllegalArgumentException(r.isEmpty() ? "the SSO region is missing (the region of your IAM Identity Center, e.g. us-east-1)"
                    : "the SSO region is not a region name: " + r);
        }
        return r;
    }

    private static void requireSessionName(String name) {
        if (!SESSION_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an sso-session name has no spaces, brackets, '#', ';' or '=': " + name);
        }
    }
}
