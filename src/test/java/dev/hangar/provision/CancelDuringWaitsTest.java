package dev.hangar.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.journal.LaunchState;
import dev.hangar.provision.steps.StepIds;
import dev.hangar.testing.Fault;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A cancel stops the launch, never its rollback: the endpoint holds each wait of the plan for several polls, the
 * user cancels during it, and then holds the instance in shutting-down for several polls while rollback waits for it.
 */
@ExtendWith(LocalAwsExtension.class)
class CancelDuringWaitsTest {

    /** Polls the rollback must sit through while the instance shuts down. */
    private static final int SHUTTING_DOWN_POLLS = 4;

    @TempDir Path home;

    @ParameterizedTest(name = "cancel while {0} waits")
    @CsvSource({
            StepIds.WAIT_INSTANCE_RUNNING + ", DescribeInstances, <name>running</name>, <name>pending</name>",
            StepIds.CREATE_DATA_VOLUME + ", DescribeVolumes, <status>available</status>, <status>creating</status>",
            StepIds.ATTACH_DATA_VOLUME + ", DescribeVolumes, <status>attached</status>, <status>attaching</status>"})
    void rollbackFinishesAfterACancelDuringAWait(String step, String describe, String real, String held, LocalAws aws) throws Exception {
        EngineFixture f = new EngineFixture(aws, home);
        aws.endpoint().inject(Fault.on("ec2", describe).always().rewrite(real, held));
        Fault shuttingDown = aws.endpoint().inject(Fault.on("ec2", "DescribeInstances").times(SHUTTING_DOWN_POLLS)
                .rewrite("<name>terminated</name>", "<name>shutting-down</name>"));
        Launch launch = f.launcher.prepare(EngineFixture.spec().build(), f.events::add);
        Thread canceller = new Thread(() -> {
            while (f.events.stream().noneMatch(e -> e instanceof LaunchEvent.StepWaiting w && w.stepId().equals(step))) {
                Thread.onSpinWait();
            }
            aws.endpoint().clearFaults();
            aws.endpoint().inject(shuttingDown);
            launch.cancel();
        });
        canceller.start();

        LaunchOutcome outcome = launch.run();
        canceller.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(outcome).isInstanceOf(LaunchOutcome.Cancelled.class);
        assertThat(outcome.state()).as(outcome.message()).isEqualTo(LaunchState.ROLLED_BACK);
        assertThat(shuttingDown.fired()).as("rollback waited through shutting-down").isEqualTo(SHUTTING_DOWN_POLLS);
        f.assertNothingLeft(outcome.launchId());
    }
}
