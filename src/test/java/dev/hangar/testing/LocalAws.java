package dev.hangar.testing;

import dev.hangar.aws.AwsClients;
import dev.hangar.aws.AwsSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A test's handle on the local AWS endpoint; see {@link LocalAwsExtension} for how to get one.
 * Every test starts from an empty moto, an empty record, no faults, no latency and the default
 * SSO / Pricing / Service Quotas state.
 *
 * <pre>{@code
 * Ec2Client ec2 = aws.clients().ec2(LocalAws.REGION);
 * aws.endpoint().inject(Fault.on("ec2", "RunInstances").error(500, "InternalError", "..."));
 * assertThat(aws.endpoint().count("ec2", "RunInstances")).isEqualTo(2);
 * }</pre>
 */
public final class LocalAws {

    public static final String REGION = "us-east-1";
    /** The account moto acts in for any credentials. */
    public static final String ACCOUNT_ID = "123456789012";

    private static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    private final LocalAwsRuntime runtime;
    private final List<AwsClients> open = new ArrayList<>();
    private AwsClients clients;

    LocalAws(LocalAwsRuntime runtime) {
        this.runtime = runtime;
    }

    /** The endpoint URL to give the SDK (the front server's). */
    public URI uri() {
        return runtime.front.uri();
    }

    /** The front server: recorded requests, fault injection, latency. */
    public AwsFrontServer endpoint() {
        return runtime.front;
    }

    public MotoServer moto() {
        return runtime.moto;
    }

    public FakeIdentityCenter identityCenter() {
        return runtime.identityCenter;
    }

    public FakePricing pricing() {
        return runtime.pricing;
    }

    public FakeServiceQuotas serviceQuotas() {
        return runtime.quotas;
    }

    /** How the next Run Commands end (moto runs nothing: without an outcome, every command succeeds at once). */
    public FakeRunCommand runCommand() {
        return runtime.runCommand;
    }

    /** Which instances Session Manager reports online: {@code aws.sessionManager().holdOffline(id)}, then {@code .release(id)}. */
    public FakeSessionManager sessionManager() {
        return runtime.sessionManager;
    }

    /** What IAM's policy simulator answers of the caller: {@code aws.iamSimulator().deny("ssm:StartSession")}. */
    public FakeIamSimulator iamSimulator() {
        return runtime.iamSimulator;
    }

    /** The capacity reservations EC2 describes (moto has none): {@code aws.capacityReservations().add(Reservation.active(...))}. */
    public FakeCapacityReservations capacityReservations() {
        return runtime.capacityReservations;
    }

    /** AWS settings for the endpoint: the defaults (5 attempts, 30 s per attempt) plus the endpoint URL. */
    public AwsSettings settings() {
        return AwsSettings.defaults().withEndpoint(uri());
    }

    /** Fake static credentials ("testing"/"testing"); moto accepts any. */
    public AwsCredentialsProvider credentials() {
        return CREDENTIALS;
    }

    /** This test's clients on the endpoint (created on first use, closed after the test). */
    public synchronized AwsClients clients() {
        if (clients == null) {
            clients = clients(settings());
        }
        return clients;
    }

    /** Extra clients with other settings (e.g. a short attempt timeout), also closed after the test. */
    public synchronized AwsClients clients(AwsSettings settings) {
        AwsClients c = new AwsClients(settings, CREDENTIALS);
        open.add(c);
        return c;
    }

    void beforeEach() {
        runtime.resetForTest();
    }

    synchronized void closeClients() {
        open.forEach(AwsClients::close);
        open.clear();
        clients = null;
    }
}
