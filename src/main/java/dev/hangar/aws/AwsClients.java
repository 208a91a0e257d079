package dev.hangar.aws;

import dev.hangar.blueprint.Version;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2instanceconnect.Ec2InstanceConnectClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The one place where SDK clients are built. Every client shares one HTTP connection pool, the
 * retry policy, the attempt timeout, the endpoint override and the {@code hangar/<version>}
 * user-agent suffix. Clients are cached per service and region and closed with this object.
 */
public final class AwsClients implements AutoCloseable {

    /** The Pricing API answers only in a few regions; us-east-1 serves every region's prices. */
    private static final Region PRICING_REGION = Region.US_EAST_1;

    private final AwsSettings settings;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    /** For {@link #ec2SingleAttempt}: an attempt is waited for, not abandoned after the usual attempt timeout. */
    private final SdkHttpClient patientHttp;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

    public AwsClients(AwsSettings settings) {
        this(settings, defaultCredentials(settings));
    }

    /** With an explicit credentials provider, e.g. the session of an IAM Identity Center login. */
    public AwsClients(AwsSettings settings, AwsCredentialsProvider credentials) {
        this.settings = settings;
        this.credentials = credentials;
        this.http = ApacheHttpClient.builder()
                .maxConnections(64)
                .connectionTimeout(java.time.Duration.ofSeconds(10))
                .socketTimeout(settings.attemptTimeout())
                .build();
        this.patientHttp = ApacheHttpClient.builder()
                .maxConnections(8)
                .connectionTimeout(java.time.Duration.ofSeconds(10))
                .socketTimeout(SINGLE_ATTEMPT_TIMEOUT)
                .build();
    }

    /** How long one attempt of {@link #ec2SingleAttempt} may take: creates answer in well under a second. */
    private static final java.time.Duration SINGLE_ATTEMPT_TIMEOUT = java.time.Duration.ofMinutes(2);

    public AwsSettings settings() {
        return settings;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    /**
     * Resolves the credentials once, so that a missing profile or an expired login is one clear
     * message up front rather than a failure in every call.
     *
     * @throws MissingCredentialsException when none can be found
     */
    public void requireCredentials() {
        try {
            credentials.resolveCredentials();
        } catch (SdkClientException e) {
            String where = settings.profile()
                    .map(p -> "profile '" + p + "' has no usable credentials (for IAM Identity Center: aws sso login --profile " + p + ")")
                    .orElse("none in the environment, ~/.aws/credentials or ~/.aws/config (set AWS_PROFILE or --profile, or run 'aws configure')");
            throw new MissingCredentialsException("no AWS credentials: " + where);
        }
    }

    public Ec2Client ec2(String region) {
        return cached("ec2", region, () -> configure(Ec2Client.builder(), region).build());
    }

    /**
     * EC2 for the creates that have neither a ClientToken nor a unique name (CreateVpc, CreateInternetGateway,
     * AllocateAddress): one attempt, no retry, and a long attempt timeout. A blind retry, or an attempt given up on
     * while AWS still acts on it, would make a second VPC; the caller looks for the resource by its tags before it
     * tries again.
     */
    public Ec2Client ec2SingleAttempt(String region) {
        return cached("ec2-single-attempt", region, () -> configure(Ec2Client.builder(), region, true).build());
    }

    /** IAM is global: one endpoint whatever region the launch is in. */
    public IamClient iam() {
        return cached("iam", "global", () -> configure(IamClient.builder(), Region.AWS_GLOBAL.id()).build());
    }

    public StsClient sts(String region) {
        return cached("sts", region, () -> configure(StsClient.builder(), region).build());
    }

    public S3Client s3(String region) {
        // Emulators serve buckets by path, not by virtual host.
        return cached("s3", region, () -> configure(S3Client.builder(), region)
                .forcePathStyle(settings.endpoint().isPresent())
                .crossRegionAccessEnabled(true)
                .build());
    }

    public CloudWatchClient cloudWatch(String region) {
        return cached("cloudwatch", region, () -> configure(CloudWatchClient.builder(), region).build());
    }

    /** CloudWatch Logs: a run's log group {@code /hangar/<launch id>} (created by the launch, read by {@code hangar logs} and the monitor). */
    public CloudWatchLogsClient logs(String region) {
        return cached("logs", region, () -> configure(CloudWatchLogsClient.builder(), region).build());
    }

    public SsmClient ssm(String region) {
        return cached("ssm", region, () -> configure(SsmClient.builder(), region).build());
    }

    /** EC2 Instance Connect: pushes a short-lived SSH public key to an instance (SendSSHPublicKey). */
    public Ec2InstanceConnectClient ec2InstanceConnect(String region) {
        return cached("ec2instanceconnect", region, () -> configure(Ec2InstanceConnectClient.builder(), region).build());
    }

    public ServiceQuotasClient serviceQuotas(String region) {
        return cached("servicequotas", region, () -> configure(ServiceQuotasClient.builder(), region).build());
    }

    public PricingClient pricing() {
        return cached("pricing", PRICING_REGION.id(), () -> configure(PricingClient.builder(), PRICING_REGION.id()).build());
    }

    /**
     * The IAM Identity Center portal; its calls carry a bearer token, not signed credentials.
     *
     * @throws IllegalArgumentException for an endpoint that would send the token in cleartext ({@link AwsSettings#requireSafeForSignIn})
     */
    public SsoClient sso(String region) {
        settings.requireSafeForSignIn();
        return cached("sso", region, () -> configure(SsoClient.builder(), region)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build());
    }

    /** IAM Identity Center OIDC (device authorization); its calls are unsigned but carry tokens. Refuses as {@link #sso} does. */
    public SsoOidcClient ssoOidc(String region) {
        settings.requireSafeForSignIn();
        return cached("ssooidc", region, () -> configure(SsoOidcClient.builder(), region)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build());
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
        http.close();
        patientHttp.close();
    }

    @SuppressWarnings("unchecked")
    private <C extends SdkClient> C cached(String service, String region, Supplier<C> build) {
        return (C) clients.computeIfAbsent(service + "/" + region, k -> build.get());
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String region) {
        return configure(builder, region, false);
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String region, boolean singleAttempt) {
        builder.region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClient(singleAttempt ? patientHttp : http)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(singleAttempt ? AwsRetryStrategy.doNotRetry() : AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(settings.maxAttempts()).build())
                        .apiCallAttemptTimeout(singleAttempt ? SINGLE_ATTEMPT_TIMEOUT : settings.attemptTimeout())
                        .putAdvancedOption(SdkAdvancedClientOption.USER_AGENT_SUFFIX, "hangar/" + Version.current())
                        .build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    private static AwsCredentialsProvider defaultCredentials(AwsSettings settings) {
        return settings.profile()
                .<AwsCredentialsProvider>map(p -> ProfileCredentialsProvider.builder().profileName(p).build())
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }
}
