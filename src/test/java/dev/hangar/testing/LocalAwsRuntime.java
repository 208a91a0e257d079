package dev.hangar.testing;

import java.util.List;

/**
 * The shared part of the local AWS: one moto, one front server and the fakes it answers from.
 * Started once per test JVM by {@link LocalAwsExtension} and closed when the test run ends.
 */
final class LocalAwsRuntime implements AutoCloseable {

    final MotoServer moto;
    final AwsFrontServer front;
    final FakeIdentityCenter identityCenter = new FakeIdentityCenter();
    final FakePricing pricing = new FakePricing();
    final FakeServiceQuotas quotas = new FakeServiceQuotas();
    final FakeRunCommand runCommand = new FakeRunCommand();
    final FakeSessionManager sessionManager = new FakeSessionManager();
    final FakeIamSimulator iamSimulator = new FakeIamSimulator();
    final FakeCapacityReservations capacityReservations = new FakeCapacityReservations();
    final RealisticTiming timing = new RealisticTiming();

    private LocalAwsRuntime(MotoServer moto) {
        this.moto = moto;
        this.front = new AwsFrontServer(moto.uri(), List.of(
                new SsoPortalApi(identityCenter),
                new SsoOidcApi(identityCenter),
                new PricingApi(pricing),
                new ServiceQuotasApi(quotas),
                new SsmSessionApi(),
                new IamSimulatorApi(iamSimulator),
                new CapacityReservationsApi(capacityReservations),
                new RunCommandApi(runCommand, moto.uri()),
                new SsmInstanceInformationApi(sessionManager, new MotoEc2Instances(new MotoForwarder(moto.uri())), timing)), timing);
    }

    static LocalAwsRuntime start() {
        return new LocalAwsRuntime(MotoServer.start());
    }

    /** Everything back to the state a test starts from. */
    void resetForTest() {
        moto.reset();
        front.resetForTest();
        identityCenter.reset();
        pricing.reset();
        quotas.reset();
        runCommand.reset();
        sessionManager.reset();
        iamSimulator.reset();
        capacityReservations.reset();
    }

    @Override
    public void close() {
        front.close();
        moto.close();
    }
}
