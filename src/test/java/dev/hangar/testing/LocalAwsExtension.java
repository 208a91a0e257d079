package dev.hangar.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs tests against a local AWS: moto behind our {@link AwsFrontServer}. Use it with parameter
 * injection, into the constructor, a {@code @BeforeEach} method or a test method:
 * <pre>{@code
 * @ExtendWith(LocalAwsExtension.class)
 * class LaunchTest {
 *     @Test
 *     void launches(LocalAws aws) {
 *         Ec2Client ec2 = aws.clients().ec2(LocalAws.REGION);
 *         ...
 *     }
 * }
 * }</pre>
 * moto and the front server start once per test JVM, on first use, and are shared by every test
 * class; before each test everything is reset (moto's state, the record, faults, latency, the
 * SSO / Pricing / Service Quotas fakes) and after it the test's clients are closed. So set up AWS
 * state in {@code @BeforeEach} or the test, not in {@code @BeforeAll}. Tests must not run in
 * parallel (they share one endpoint).
 */
public final class LocalAwsExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalAwsExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        localAws(context).beforeEach();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        localAws(context).closeClients();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalAws.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return localAws(context);
    }

    /**
     * The JVM's one LocalAws, kept in the root store so that every test class shares it; the
     * runtime is AutoCloseable, so JUnit stops it when the run ends (a shutdown hook and the
     * stdin pipe stop moto in any case). A failed start is remembered, not retried per test.
     */
    private static LocalAws localAws(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        Startup startup = store.getOrComputeIfAbsent(Startup.class, k -> Startup.attempt(), Startup.class);
        return startup.localAws();
    }

    private static final class Startup implements AutoCloseable {
        private final LocalAwsRuntime runtime;
        private final LocalAws localAws;
        private final RuntimeException failure;

        private Startup(LocalAwsRuntime runtime, RuntimeException failure) {
            this.runtime = runtime;
            this.localAws = runtime == null ? null : new LocalAws(runtime);
            this.failure = failure;
        }

        static Startup attempt() {
            try {
                return new Startup(LocalAwsRuntime.start(), null);
            } catch (RuntimeException e) {
                return new Startup(null, e);
            }
        }

        LocalAws localAws() {
            if (failure != null) {
                throw new IllegalStateException("the local AWS endpoint (moto + front server) could not start: "
                        + failure.getMessage(), failure);
            }
            return localAws;
        }

        @Override
        public void close() {
            if (localAws != null) {
                localAws.closeClients();
                runtime.close();
            }
        }
    }
}
