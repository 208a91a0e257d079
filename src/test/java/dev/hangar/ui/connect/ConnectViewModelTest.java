package dev.hangar.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.auth.AwsSession;
import dev.hangar.auth.Sleeper;
import dev.hangar.connect.ConnectPurpose;
import dev.hangar.connect.PortForward;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.ui.concurrent.CurrentThreadTaskExecutor;
import dev.hangar.ui.session.SessionModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connect buttons' view-model without a window: tasks run at once on the test's thread and the waits between
 * checks are recorded, not slept, so the whole schedule plays out deterministically against the local endpoint.
 */
@ExtendWith(LocalAwsExtension.class)
class ConnectViewModelTest {

    private static final PollSchedule SHORT = new PollSchedule(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(30),
            Duration.ofMinutes(1));

    @TempDir Path home;
    @TempDir Path tools;
    private LocalAws aws;
    private String instanceId;
    private final SessionModel session = new SessionModel();
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void runAnInstance(LocalAws aws) {
        this.aws = aws;
        instanceId = aws.clients().ec2(LocalAws.REGION).runInstances(r -> r.imageId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType("g5.xlarge")
                .minCount(1).maxCount(1)).instances().get(0).instanceId();
        aws.sessionManager().holdOffline(instanceId);
        session.signedIn(new AwsSession(aws.clients(), LocalAws.ACCOUNT_ID, "arn:aws:iam::" + LocalAws.ACCOUNT_ID + ":user/researcher"));
    }

    private ConnectViewModel model(ConnectServices base, Sleeper sleeper) {
        return new ConnectViewModel(new CurrentThreadTaskExecutor(), session,
                new ConnectServices(base.terminal(), base.self(), SHORT, sleeper), home);
    }

    private ConnectTarget target() {
        return new ConnectTarget("l-1", instanceId, LocalAws.REGION);
    }

    @Test
    void checksOnScheduleUntilOnlineThenStops() {
        ConnectViewModel model = model(ConnectServices.unavailable(), (time, c) -> {
            waits.add(time);
            if (waits.size() == 3) {
                aws.sessionManager().release(instanceId); // the agent registers during the third wait
            }
        });

        model.watch(target());

        assertThat(waits).containsExactly(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(model.readyProperty().get()).isTrue();
        assertThat(model.blockedReasonProperty().get()).isNull();
        assertThat(aws.endpoint().count("ssm", "DescribeInstanceInformation")).isEqualTo(3);

        model.watch(target());
        assertThat(aws.endpoint().count("ssm", "DescribeInstanceInformation")).as("the same target again asks nothing").isEqualTo(3);
    }

    @Test
    void givesUpWhenTheScheduleRunsOutAndChecksAgainOnRequest() {
        ConnectViewModel model = model(ConnectServices.unavailable(), (time, c) -> waits.add(time));

        model.watch(target());

        // Every 5 s until 20 s were waited, then every 30 s, and none that would pass the minute.
        assertThat(waits).containsExactly(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(30));
        assertThat(model.readyProperty().get()).isFalse();
        assertThat(model.gaveUpProperty().get()).isTrue();
        assertThat(model.blockedReasonProperty().get()).isEqualTo("The instance has not registered with Session Manager yet (usually 1–3"
                + " minutes after it starts). Hangar stopped checking after 1 minute.");

        int checks = aws.endpoint().count("ssm", "DescribeInstanceInformation");
        model.watch(target());
        assertThat(aws.endpoint().count("ssm", "DescribeInstanceInformation")).as("the monitor's next refresh does not start over").isEqualTo(checks);

        aws.sessionManager().release(instanceId);
        model.checkAgain();
        assertThat(model.gaveUpProperty().get()).isFalse();
        assertThat(model.readyProperty().get()).isTrue();
    }

    @Test
    void signedOutItSaysSoAndAsksNothing() {
        session.signOut();
        ConnectViewModel model = model(ConnectServices.unavailable(), (time, c) -> waits.add(time));

        model.watch(target());

        assertThat(model.blockedReasonProperty().get()).isEqualTo(ConnectViewModel.NOT_SIGNED_IN);
        assertThat(aws.endpoint().count("ssm", "DescribeInstanceInformation")).isZero();
    }

    @Test
    void nothingToConnectToIsSaidWithoutPolling() {
        ConnectViewModel model = model(ConnectServices.unavailable(), (time, c) -> waits.add(time));

        model.unavailable("The instance is stopped: start it first.");

        assertThat(model.blockedReasonProperty().get()).isEqualTo("The instance is stopped: start it first.");
        assertThat(waits).isEmpty();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aButtonOpensTheTerminalWithThisHangarsOptionsOrSaysWhatToRunByHand() {
        aws.sessionManager().release(instanceId);
        RecordingTerminal terminal = new RecordingTerminal(tools);
        ConnectViewModel model = model(terminal.services(), (time, c) -> waits.add(time));
        model.watch(target());

        model.open(ConnectPurpose.forward(new PortForward(8888, 18888)));

        assertThat(model.statusProperty().get()).startsWith("Opened xterm with port 8888 forwarded to localhost:18888 on " + instanceId);
        assertThat(model.statusIsErrorProperty().get()).isFalse();
        assertThat(terminal.argv()).containsSubsequence("--home", home.toAbsolutePath().toString(), "--endpoint-url", aws.uri().toString(),
                "connect", "--launch", "l-1", "--forward", "8888:18888");

        ConnectViewModel noTerminal = model(ConnectServices.unavailable(), (time, c) -> { });
        noTerminal.watch(target());
        noTerminal.open(ConnectPurpose.jupyter());
        assertThat(noTerminal.statusIsErrorProperty().get()).isTrue();
        assertThat(noTerminal.statusProperty().get()).contains("No terminal program was found").endsWith("connect --launch l-1 --jupyter");
    }
}
