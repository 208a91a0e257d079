package dev.hangar.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.auth.AwsSession;
import dev.hangar.checklist.Finding;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.LaunchState;
import dev.hangar.monitor.InstanceActions;
import dev.hangar.monitor.MonitorFixture;
import dev.hangar.monitor.MonitorSnapshot;
import dev.hangar.monitor.MonitoredInstance;
import dev.hangar.provision.LaunchOutcome;
import dev.hangar.testing.Fault;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.RecordedRequest;
import dev.hangar.ui.Theme;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;

/** The monitor view against the local endpoint, on an instance launched by the engine. */
@Tag("ui")
@ExtendWith({LocalAwsExtension.class, ApplicationExtension.class})
class MonitorUiTest {

    private Stage stage;
    @TempDir Path home;
    private MonitorFixture f;
    private String launchId;
    private String instanceId;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void launch(LocalAws aws) throws Exception {
        f = new MonitorFixture(aws, home);
        LaunchOutcome outcome = f.launch(MonitorFixture.spec().build());
        launchId = outcome.launchId();
        instanceId = outcome.outputs().get("instanceId");
        aws.endpoint().clearRecord();
    }

    @Test
    void listsTheLaunchAndChartsTheDataPointsPutIntoCloudWatch(FxRobot robot, LocalAws aws) {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant t1 = minute.minus(10, ChronoUnit.MINUTES);
        Instant t2 = minute.minus(5, ChronoUnit.MINUTES);
        Instant t3 = minute.minus(2, ChronoUnit.MINUTES);
        f.put("AWS/EC2", "CPUUtilization", instanceId, t2, 40);
        f.put("AWS/EC2", "CPUUtilization", instanceId, t1, 12.5);
        f.put("AWS/EC2", "CPUUtilization", instanceId, t3, 97);
        f.put("CWAgent", "nvidia_smi_utilization_gpu", instanceId, t1, 88);
        f.put("CWAgent", "nvidia_smi_utilization_gpu", instanceId, t3, 91);
        f.put("CWAgent", "nvidia_smi_memory_used", instanceId, t3, 6144);
        f.put("CWAgent", "nvidia_smi_memory_total", instanceId, t3, 24576);

        try (MonitorDriver m = new MonitorDriver(robot, stage, aws, home)) {
            m.awaitRow(instanceId, MonitoredInstance::running, "the launch to be listed");

            assertThat(m.table().getItems()).singleElement().satisfies(row -> {
                assertThat(row.launchId()).isEqualTo(launchId);
                assertThat(row.inJournal()).isTrue();
            });
            assertThat(m.table().getSelectionModel().getSelectedItem().instanceId()).as("the only row is selected").isEqualTo(instanceId);
            assertThat(m.cell("nameColumn", instanceId)).isEqualTo("llama");
            assertThat(m.cell("instanceColumn", instanceId)).isEqualTo(instanceId);
            assertThat(m.cell("stateColumn", instanceId)).isEqualTo("running");
            assertThat(m.cell("systemColumn", instanceId)).isEqualTo("ok");
            assertThat(m.cell("instanceCheckColumn", instanceId)).isEqualTo("ok");
            assertThat(m.cell("costColumn", instanceId)).startsWith("$");
            assertThat(m.cell("alarmColumn", instanceId)).isIn("armed", "waiting for data", "idle: stopping");
            assertThat(m.cell("driftColumn", instanceId)).isEqualTo("none");

            assertThat(points(m.chart("cpuChart"), "CPU")).containsExactly(
                    point(t1, 12.5), point(t2, 40), point(t3, 97));
            assertThat(points(m.chart("gpuChart"), "GPU")).containsExactly(point(t1, 88), point(t3, 91));
            assertThat(points(m.chart("gpuMemoryChart"), "Used")).containsExactly(point(t3, 25));
            assertThat(note(robot, "gpuChart").isVisible()).as("GPU metrics are there").isFalse();
            assertThat(note(robot, "networkChart").isVisible()).as("no network data was put").isTrue();
            String label = MonitorDriver.onFx(() -> ((NumberAxis) m.chart("cpuChart").getXAxis()).getTickLabelFormatter().toString(t3.toEpochMilli()));
            assertThat(label).isEqualTo(DateTimeFormatter.ofPattern("HH:mm").format(t3.atZone(ZoneId.systemDefault())));
        }
    }

    @Test
    void oneRefreshIsOneGetMetricDataCallForAllInstancesShown(FxRobot robot, LocalAws aws) {
        String ghost = f.untrackedInstance("elsewhere-a1b2c3");
        try (MonitorDriver m = new MonitorDriver(robot, stage, aws, home)) {
            m.awaitRow(ghost, i -> true, "both instances to be listed");
            m.awaitIdle();
            MonitorSnapshot before = m.snapshot();
            aws.endpoint().clearRecord();

            robot.clickOn("#refreshButton");
            MonitorSnapshot after = m.nextSnapshot(before);

            assertThat(after.instances()).extracting(MonitoredInstance::instanceId).containsExactlyInAnyOrder(instanceId, ghost);
            assertThat(aws.endpoint().count("cloudwatch", "GetMetricData")).isEqualTo(1);
            RecordedRequest call = aws.endpoint().requests("cloudwatch", "GetMetricData").get(0);
            assertThat(call.params()).as("seven queries for each of the two instances, in the one call")
                    .containsKey("MetricDataQueries.member.14.Id").doesNotContainKey("MetricDataQueries.member.15.Id")
                    .containsEntry("MetricDataQueries.member.1.MetricStat.Period", "60");

            // Another window is another refresh, again one call, at the window's resolution.
            m.awaitIdle();
            aws.endpoint().clearRecord();
            robot.clickOn("#window-6h");
            m.nextSnapshot(after);
            assertThat(aws.endpoint().count("cloudwatch", "GetMetricData")).isEqualTo(1);
            assertThat(aws.endpoint().requests("cloudwatch", "GetMetricData").get(0).params())
                    .containsEntry("MetricDataQueries.member.1.MetricStat.Period", "300");
        }
    }

    @Test
    void stopAndStartThroughTheButtonsChangeTheStateShownAndTheJournal(FxRobot robot, LocalAws aws) {
        try (MonitorDriver m = new MonitorDriver(robot, stage, aws, home)) {
            m.awaitRow(instanceId, MonitoredInstance::running, "the instance to run");
            assertThat(m.button("startButton").isDisabled()).as("it runs already").isTrue();
            assertThat(m.button("stopButton").isDisabled()).isFalse();
            assertThat(m.button("rebootButton").isDisabled()).isFalse();
            assertThat(m.text("#gpuChart-note")).isEqualTo(MetricCharts.NO_GPU_METRICS);

            robot.clickOn("#stopButton");
            m.confirm();
            m.awaitRow(instanceId, i -> "stopped".equals(i.instanceState()), "the instance to stop");
            MonitorDriver.waitUntil(() -> "stopped".equals(m.cell("stateColumn", instanceId)), "the table to show it stopped");
            assertThat(m.text("#actionLog")).contains("stopped");
            LaunchRecord stopped = f.journal.load(launchId).orElseThrow();
            assertThat(stopped.output(InstanceActions.LAST_ACTION)).isEqualTo("stop");
            assertThat(stopped.output(InstanceActions.STOPPED_AT)).isNotNull();
            assertThat(stopped.state()).as("a stopped instance is still a launched one").isEqualTo(LaunchState.SUCCEEDED);
            MonitorDriver.waitUntil(() -> !m.button("startButton").isDisabled(), "Start to be enabled");
            assertThat(m.button("stopButton").isDisabled()).isTrue();
            assertThat(m.button("rebootButton").isDisabled()).isTrue();
            assertThat(m.cell("uptimeColumn", instanceId)).isEqualTo(MonitorFormats.NONE);

            robot.clickOn("#startButton");
            m.confirm();
            m.awaitRow(instanceId, MonitoredInstance::running, "the instance to run again");
            MonitorDriver.waitUntil(() -> "running".equals(m.cell("stateColumn", instanceId)), "the table to show it running");
            LaunchRecord started = f.journal.load(launchId).orElseThrow();
            assertThat(started.output(InstanceActions.LAST_ACTION)).isEqualTo("start");
            assertThat(started.output(InstanceActions.STARTED_AT)).isNotNull();
            MonitorDriver.waitUntil(() -> !m.button("stopButton").isDisabled(), "Stop to be enabled again");
        }
    }

    @Test
    void metadataMadeOptionalBehindHangarsBackShowsAsDriftWithEc2Dot8(FxRobot robot, LocalAws aws) {
        f.ec2().modifyInstanceMetadataOptions(r -> r.instanceId(instanceId).httpTokens(HttpTokensState.OPTIONAL));
        try (MonitorDriver m = new MonitorDriver(robot, stage, aws, home)) {
            m.awaitRow(instanceId, MonitoredInstance::hasDrift, "the drift");
            MonitorDriver.waitUntil(() -> "1 FAIL".equals(m.cell("driftColumn", instanceId)), "the drift badge");

            robot.clickOn("Drift (1)");
            @SuppressWarnings("unchecked")
            ListView<Finding> list = robot.lookup("#driftList").queryAs(ListView.class);
            assertThat(list.getItems()).singleElement().satisfies(d -> {
                assertThat(d.ruleId()).isEqualTo("imdsv2-required");
                assertThat(d.controls()).contains("EC2.8");
            });
            MonitorDriver.waitUntil(() -> robot.lookup(".finding-controls").tryQuery().isPresent(), "the finding to be drawn");
            assertThat(m.text(".finding-controls")).contains("EC2.8");
            assertThat(m.text(".finding-title")).as("what changed, not what the rule requires").isEqualTo("Instance metadata answers without a token now");
            assertThat(m.text(".finding-detail")).contains("HttpTokens is optional")
                    .contains("modify-instance-metadata-options --instance-id " + instanceId);
            m.screenshot("monitor-drift");
            robot.clickOn("Details");
            assertThat(robot.lookup("#detail-connect").queryTextInputControl().getText()).startsWith("aws ssm start-session --target " + instanceId);
            m.screenshot("monitor-details");
        }
    }

    @Test
    void destroyKeepingTheDataVolumeEndsTheLaunch(FxRobot robot, LocalAws aws) {
        String volumeId = f.journal.load(launchId).orElseThrow().output("dataVolumeId");
        try (MonitorDriver m = new MonitorDriver(robot, stage, aws, home)) {
            m.awaitRow(instanceId, MonitoredInstance::running, "the instance to run");
            robot.clickOn("#destroyButton");
            MonitorDriver.waitUntil(() -> robot.lookup("#keepDataVolume").tryQuery().isPresent(), "the destroy dialog");
            robot.clickOn("#keepDataVolume");
            m.confirm();

            MonitorDriver.waitUntil(() -> f.journal.load(launchId).orElseThrow().state() == LaunchState.DESTROYED
                    && "destroyed".equals(m.cell("stateColumn", instanceId)), "the launch to be destroyed and shown so");
            assertThat(m.button("destroyButton").isDisabled()).isTrue();
            assertThat(f.ec2().describeVolumes(r -> r.volumeIds(volumeId)).volumes()).singleElement()
                    .satisfies(v -> assertThat(v.stateAsString()).isEqualTo("available"));
        }
    }

    @Test
    void closingTheMonitorDuringADestroySaysWhatRunsAndClosesOnlyWhenItEnded(FxRobot robot, LocalAws aws) {
        // Held so that the close comes while the destroy runs: closing then quits the app, which would interrupt it.
        aws.endpoint().inject(Fault.on("ec2", "TerminateInstances").always().delay(java.time.Duration.ofSeconds(3)));
        try (MonitorDriver m = new MonitorDriver(robot, stage, aws, home)) {
            m.awaitRow(instanceId, MonitoredInstance::running, "the instance to run");
            java.util.concurrent.atomic.AtomicReference<LaunchState> journalWhenClosed = new java.util.concurrent.atomic.AtomicReference<>();
            robot.interact(() -> stage.showingProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean showing) {
                    if (!showing) {
                        journalWhenClosed.set(f.journal.load(launchId).orElseThrow().state());
                        obs.removeListener(this); // the stage serves the next test too
                    }
                }
            }));
            robot.clickOn("#destroyButton");
            m.confirm();
            MonitorDriver.waitUntil(() -> robot.lookup("#actionProgress").query().isVisible(), "the destroy to run");

            robot.interact(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
            MonitorDriver.waitUntil(() -> robot.lookup("#stillRunning").tryQuery().isPresent(), "the window to say what still runs");
            assertThat(robot.lookup("#stillRunning").queryAs(javafx.scene.control.DialogPane.class).getContentText())
                    .startsWith("Destroy " + MonitorFixture.spec().build().name() + " is still running");
            assertThat(stage.isShowing()).as("the monitor stays open while the destroy runs").isTrue();

            MonitorDriver.waitUntil(() -> !stage.isShowing(), "the monitor to close once the destroy ended");
            assertThat(journalWhenClosed.get()).isEqualTo(LaunchState.DESTROYED);
        }
    }

    @Test
    void beforeTheFirstRefreshAnswersTheTableSaysItIsReadingNotThatNothingWasLaunched(FxRobot robot, LocalAws aws) {
        aws.endpoint().inject(Fault.on("ec2", "DescribeInstances").times(1).delay(java.time.Duration.ofSeconds(2)));
        try (MonitorDriver m = new MonitorDriver(robot, stage, aws, home)) {
            assertThat(m.table().getItems()).isEmpty();
            assertThat(((javafx.scene.control.Label) m.table().getPlaceholder()).getText()).isEqualTo(MonitorController.READING);
            m.awaitRow(instanceId, MonitoredInstance::running, "the launch to be listed");
            assertThat(((javafx.scene.control.Label) m.table().getPlaceholder()).getText()).isEqualTo(MonitorController.NOTHING_LAUNCHED);
        }
    }

    @Test
    void aFailedRefreshIsShownInlineAndTheLastDataStays(FxRobot robot, LocalAws aws) {
        try (MonitorDriver m = new MonitorDriver(robot, stage, aws, home)) {
            m.awaitRow(instanceId, MonitoredInstance::running, "the instance");
            MonitorSnapshot before = m.snapshot();

            robot.interact(() -> m.session.sessionProperty().set(null)); // signed out: the launch's region cannot be read
            MonitorDriver.waitUntil(() -> robot.lookup("#monitorError").queryLabeled().isVisible(), "the error line");
            assertThat(m.text("#monitorError")).startsWith("Refresh failed: " + MonitorEngine.NOT_SIGNED_IN)
                    .contains("Showing what was read at " + MonitorFormats.clock(before.takenAt())).contains("Next try in 10 s");
            assertThat(m.snapshot()).as("the last data stays").isSameAs(before);
            assertThat(m.cell("stateColumn", instanceId)).isEqualTo("running");
            assertThat(m.chart("cpuChart").isVisible()).isTrue();

            // Signed in again, but AWS refuses to describe: the region is named, the journal's row still shows.
            aws.endpoint().inject(Fault.on("ec2", "DescribeInstances").always().error(403, "UnauthorizedOperation", "You are not authorized"));
            robot.interact(() -> m.session.sessionProperty().set(new AwsSession(aws.clients(), LocalAws.ACCOUNT_ID, "arn")));
            m.nextSnapshot(before);
            MonitorDriver.waitUntil(() -> !robot.lookup("#monitorError").queryLabeled().isVisible(), "the error line to go");
            assertThat(m.text("#monitorProblems")).startsWith("Could not read us-east-1: UnauthorizedOperation");
            assertThat(m.table().getItems()).extracting(MonitoredInstance::launchId).containsExactly(launchId);
        }
    }

    @Test
    void screenshotOfTheMonitorWithItsCharts(FxRobot robot, LocalAws aws) {
        String ghost = f.untrackedInstance("ghost-7f3e21");
        TrainingRun.put(aws, instanceId, Instant.now());
        try (MonitorDriver m = new MonitorDriver(robot, stage, aws, home)) {
            m.awaitRow(ghost, i -> true, "both instances");
            MonitorDriver.waitUntil(() -> !m.chart("gpuChart").getData().isEmpty()
                    && m.chart("gpuChart").getData().get(0).getData().size() > 40, "the charts");
            assertThat(points(m.chart("cpuChart"), "CPU")).hasSize(TrainingRun.MINUTES);
            assertThat(points(m.chart("networkChart"), "In")).hasSize(TrainingRun.MINUTES);
            assertThat(points(m.chart("gpuMemoryChart"), "Activity")).hasSize(TrainingRun.MINUTES);
            m.screenshot("monitor");
            robot.interact(() -> Theme.DARK.applyTo(stage.getScene()));
            m.screenshot("monitor-dark");
        }
    }

    /** A chart point: epoch milliseconds and value. */
    private record Point(long time, double value) {
    }

    private static List<Point> points(LineChart<Number, Number> chart, String series) {
        return MonitorDriver.onFx(() -> chart.getData().stream().filter(s -> series.equals(s.getName())).findFirst().orElseThrow()
                .getData().stream().map((XYChart.Data<Number, Number> d) -> new Point(d.getXValue().longValue(), d.getYValue().doubleValue()))
                .toList());
    }

    private static Point point(Instant t, double value) {
        return new Point(t.toEpochMilli(), value);
    }

    private static Label note(FxRobot robot, String chartId) {
        return robot.lookup("#" + chartId + "-note").queryAs(Label.class);
    }
}
