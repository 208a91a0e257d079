package dev.hangar.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.monitor.LogLine;
import dev.hangar.monitor.MonitorFixture;
import dev.hangar.monitor.MonitoredInstance;
import dev.hangar.monitor.RunLogWriter;
import dev.hangar.monitor.RunStateEvent;
import dev.hangar.provision.LaunchOutcome;
import dev.hangar.spec.RunSpec;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.ui.Legibility;
import dev.hangar.ui.connect.ConnectServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.input.ScrollEvent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The monitor's Logs tab on a launch with a run: events put into the local endpoint's CloudWatch Logs through the real
 * SDK appear in the tab in order and exactly once, across pages (three events a call) and polls.
 */
@Tag("ui")
@ExtendWith({LocalAwsExtension.class, ApplicationExtension.class})
class LogsTabUiTest {

    private Stage stage;
    @TempDir Path home;
    private String launchId;
    private String instanceId;
    private RunLogWriter instance;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void launch(LocalAws aws) throws Exception {
        MonitorFixture f = new MonitorFixture(aws, home);
        LaunchOutcome outcome = f.launch(MonitorFixture.spec().run(new RunSpec("s3://research-data/code/llama/", "pip install -r requirements.txt",
                "torchrun --nproc_per_node=gpu train.py --resume-from $HANGAR_CHECKPOINTS", Map.of("EPOCHS", "3"), true)).build());
        launchId = outcome.launchId();
        instanceId = outcome.outputs().get("instanceId");
        instance = new RunLogWriter(aws, launchId).createGroupAndStreams();
    }

    @SuppressWarnings("unchecked")
    private static ListView<LogLine> logList(FxRobot robot) {
        return robot.lookup("#logList").queryAs(ListView.class);
    }

    private static List<String> shown(FxRobot robot) {
        return MonitorDriver.onFx(() -> logList(robot).getItems().stream().map(LogLine::text).toList());
    }

    private static void openLogsTab(FxRobot robot) {
        TabPane tabs = robot.lookup("#detailTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "logsTab".equals(t.getId()))
                .findFirst().orElseThrow()));
    }

    @Test
    void showsTheRunsEventsInOrderOnceAcrossPagesAndPolls(FxRobot robot, LocalAws aws) {
        instance.state(RunStateEvent.SETTING_UP, null);
        instance.output("Collecting torch==2.5.1", "Successfully installed torch-2.5.1");
        instance.state(RunStateEvent.RUNNING, null);
        instance.output("resuming from /mnt/data/checkpoints/epoch-1.pt", "epoch 2/3");
        List<String> expected = new ArrayList<>(List.of("── setting up ──", "Collecting torch==2.5.1", "Successfully installed torch-2.5.1",
                "── running ──", "resuming from /mnt/data/checkpoints/epoch-1.pt", "epoch 2/3"));
        try (MonitorDriver m = new MonitorDriver(robot, stage, aws, home, ConnectServices.unavailable(), 3)) {
            Legibility legibility = new Legibility(robot, stage, "monitor-logs", theme -> theme.applyTo(stage.getScene()));
            legibility.atMinimumSize();
            m.awaitRow(instanceId, MonitoredInstance::running, "the launch to be listed");
            openLogsTab(robot);
            MonitorDriver.waitUntil(() -> logList(robot).getItems().size() >= expected.size(), "the first lines");
            assertThat(shown(robot)).containsExactlyElementsOf(expected);
            assertThat(m.text("#runStateLine")).isEqualTo("Run: running");

            for (int batch = 0; batch < 4; batch++) {
                String[] lines = RunLogWriter.numbered(batch * 6 + 1, batch * 6 + 6);
                instance.output(lines);
                expected.addAll(List.of(lines));
                MonitorDriver.waitUntil(() -> logList(robot).getItems().size() >= expected.size(), "batch " + batch);
                assertThat(shown(robot)).containsExactlyElementsOf(expected);
            }
            assertThat(aws.endpoint().count("logs", "GetLogEvents")).as("pages of three and many polls").isGreaterThan(10);
            assertThat(m.text("#logStatus")).isEqualTo("Following /hangar/" + launchId + " · " + expected.size() + " lines");
            // The table needs one row: the logs get the room (the README's screenshot).
            robot.interact(() -> robot.lookup(".monitor-split").queryAs(javafx.scene.control.SplitPane.class).setDividerPositions(0.16));
            m.screenshot("monitor-logs");
            legibility.check("following a run");

            // Scrolling up pauses the follow; the lines still come.
            assertThat(MonitorDriver.onFx(() -> logList(robot).lookupAll(".list-cell").stream()
                    .anyMatch(c -> c instanceof javafx.scene.control.ListCell<?> cell && cell.isVisible() && expected.get(expected.size() - 1)
                            .equals(cell.getText())))).as("the last line is in view").isTrue();
            // Monocle's robot has no wheel: the event a wheel turned up delivers.
            robot.interact(() -> javafx.event.Event.fireEvent(logList(robot), new ScrollEvent(ScrollEvent.SCROLL, 10, 10, 10, 10,
                    false, false, false, false, false, false, 0, 120, 0, 120, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
            MonitorDriver.waitUntil(() -> !robot.lookup("#followLogs").queryAs(CheckBox.class).isSelected(), "the follow to pause");
            instance.output("saved /mnt/data/checkpoints/epoch-2.pt");
            instance.state(RunStateEvent.SUCCEEDED, 0);
            expected.addAll(List.of("saved /mnt/data/checkpoints/epoch-2.pt", "── succeeded ──"));
            MonitorDriver.waitUntil(() -> logList(robot).getItems().size() >= expected.size(), "the end of the run");
            assertThat(shown(robot)).containsExactlyElementsOf(expected);
            assertThat(m.text("#runStateLine")).isEqualTo("Run: succeeded; the machine is stopping itself");
            legibility.check("the run ended");
            legibility.assertWholeAndReadable();

            // Another tab stops the follow; coming back goes on from where it was, nothing twice.
            TabPane tabs = robot.lookup("#detailTabs").queryAs(TabPane.class);
            robot.interact(() -> tabs.getSelectionModel().select(0));
            instance.output("one more line while the tab was closed");
            expected.add("one more line while the tab was closed");
            openLogsTab(robot);
            MonitorDriver.waitUntil(() -> logList(robot).getItems().size() >= expected.size(), "the line written meanwhile");
            assertThat(shown(robot)).containsExactlyElementsOf(expected);
        }
    }
}
