package dev.hangar.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

/**
 * How Hangar reaches AWS: which profile, which endpoint, how long one attempt may take.
 *
 * @param profile        named profile from ~/.aws/config, or empty for the SDK's default chain
 * @param endpoint       one endpoint for every service (an emulator such as moto), or empty for AWS
 * @param attemptTimeout the longest one HTTP attempt may take before it is retried
 * @param maxAttempts    attempts per call, the first included (standard retry mode)
 * @param allowInsecureEndpoint let the sign-in services use a plain-http endpoint on another host (tokens in cleartext)
 */
public record AwsSettings(Optional<String> profile, Optional<URI> endpoint, Duration attemptTimeout, int maxAttempts,
                          boolean allowInsecureEndpoint) {

    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    public AwsSettings {
        profile = profile.filter(p -> !p.isBlank());
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Settings from the command line, falling back to {@code AWS_ENDPOINT_URL} and {@code AWS_PROFILE}. */
    public static AwsSettings of(String profile, String endpointUrl, Map<String, String> env) {
        String endpoint = endpointUrl != null ? endpointUrl : env.get("AWS_ENDPOINT_URL");
        String prof = profile != null ? profile : env.get("AWS_PROFILE");
        return new AwsSettings(Optional.ofNullable(prof), Optional.ofNullable(endpoint).filter(s -> !s.isBlank()).map(AwsSettings::parseEndpoint),
                DEFAULT_ATTEMPT_TIMEOUT, DEFAULT_MAX_ATTEMPTS);
    }

    public AwsSettings(Optional<String> profile, Optional<URI> endpoint, Duration attemptTimeout, int maxAttempts) {
        this(profile, endpoint, attemptTimeout, maxAttempts, false);
    }

    public static AwsSettings defaults() {
        return new AwsSettings(Optional.empty(), Optional.empty(), DEFAULT_ATTEMPT_TIMEOUT, DEFAULT_MAX_ATTEMPTS);
    }

    public AwsSettings withEndpoint(URI uri) {
        return new AwsSettings(profile, Optional.of(uri), attemptTimeout, maxAttempts, allowInsecureEndpoint);
    }

    public AwsSettings withProfile(String name) {
        return new AwsSettings(Optional.ofNullable(name), endpoint, attemptTimeout, maxAttempts, allowInsecureEndpoint);
    }

    public AwsSettings withAttemptTimeout(Duration timeout) {
        return new AwsSettings(profile, endpoint, timeout, maxAttempts, allowInsecureEndpoint);
    }

    public AwsSettings withMaxAttempts(int attempts) {
        return new AwsSettings(profile, endpoint, attemptTimeout, attempts, allowInsecureEndpoint);
    }

    public AwsSettings withInsecureEndpointAllowed(boolean allowed) {
        return new AwsSettings(profile, endpoint, attemptTimeout, maxAttempts, allowed);
    }

    /**
     * Refuses an endpoint that would carry IAM Identity Center tokens in cleartext over the network: plain http to a
     * host other than this machine (loopback: localhost, 127.0.0.0/8, ::1), unless {@link #allowInsecureEndpoint}.
     *
     * @throws IllegalArgumentException naming the endpoint and the option that allows it
     */
    public void requireSafeForSignIn() {
        endpoint().filter(uri -> "http".equals(uri.getScheme()) && !Loopback.is(uri.getHost()) && !allowInsecureEndpoint)
                .ifPresent(uri -> {
                    throw new IllegalArgumentException("endpoint " + uri + " is plain http to another host: the IAM Identity Center"
                            + " sign-in tokens would travel in cleartext. Use https, or --allow-insecure-endpoint if you mean it");
                });
    }

    /**
     * The region the environment or the profile names ({@code AWS_REGION}, {@code aws.region}, then the
     * profile's {@code region} in ~/.aws/config), if any. Unlike the SDK's default chain it never asks the
     * instance metadata service, so it is quick and quiet on a laptop.
     */
    public Optional<String> defaultRegion() {
        try {
            AwsRegionProviderChain chain = new AwsRegionProviderChain(new SystemSettingsRegionProvider(),
                    new AwsProfileRegionProvider(null, profile.orElse(null)));
            return Optional.ofNullable(chain.getRegion()).map(Region::id);
        } catch (RuntimeException none) {
            return Optional.empty();
        }
    }

    private static URI parseEndpoint(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("endpoint URL is not a URL: " + url, e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("endpoint URL must be http(s)://host[:port], got: " + url);
        }
        return uri;
    }
}
