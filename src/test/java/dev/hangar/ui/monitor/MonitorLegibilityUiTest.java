package dev.hangar.ui.monitor;

import dev.hangar.monitor.MonitorFixture;
import dev.hangar.monitor.MonitoredInstance;
import dev.hangar.provision.LaunchOutcome;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.ui.Legibility;
import java.nio.file.Path;
import java.time.Instant;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;

/**
 * Issue 17: the monitor at its minimum size (900×600) in the light and the dark theme, with a launch that drifted, one
 * Hangar did not launch, charts, and the launch stopped: no column, cell, button or tab cut off, and every enabled text
 * reaches WCAG AA against what is behind it.
 */
@Tag("ui")
@ExtendWith({LocalAwsExtension.class, ApplicationExtension.class})
class MonitorLegibilityUiTest {

    private Stage stage;
    @TempDir Path home;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theMonitorIsWholeAndReadableAtItsMinimumSize(FxRobot robot, LocalAws aws) throws Exception {
        MonitorFixture f = new MonitorFixture(aws, home);
        LaunchOutcome outcome = f.launch(MonitorFixture.spec().build());
        String instanceId = outcome.outputs().get("instanceId");
        String ghost = f.untrackedInstance("ghost-7f3e21");
        f.ec2().modifyInstanceMetadataOptions(r -> r.instanceId(instanceId).httpTokens(HttpTokensState.OPTIONAL));
        TrainingRun.put(aws, instanceId, Instant.now());
        try (MonitorDriver m = new MonitorDriver(robot, stage, aws, home)) {
            Legibility l = new Legibility(robot, stage, "monitor", theme -> theme.applyTo(stage.getScene()));
            l.atMinimumSize();
            m.awaitRow(ghost, i -> true, "both instances");
            m.awaitRow(instanceId, MonitoredInstance::hasDrift, "the drift");
            MonitorDriver.waitUntil(() -> !m.chart("gpuChart").getData().isEmpty(), "the charts");
            m.awaitIdle();
            robot.interact(() -> m.table().requestFocus()); // the selected row as a click leaves it
            TabPane tabs = robot.lookup("#detailTabs").queryAs(TabPane.class);
            for (int tab = 0; tab < tabs.getTabs().size(); tab++) {
                int i = tab;
                robot.interact(() -> tabs.getSelectionModel().select(i));
                l.check("running, " + tabs.getTabs().get(i).getText());
            }
            robot.interact(() -> {
                tabs.getSelectionModel().select(0);
                m.table().getSelectionModel().select(m.table().getItems().stream().filter(r -> r.instanceId().equals(ghost)).findFirst().orElseThrow());
            });
            l.check("not Hangar's");

            f.actions.stop(outcome.launchId(), e -> { });
            m.awaitIdle();
            robot.clickOn("#refreshButton");
            m.awaitRow(instanceId, i -> "stopped".equals(i.instanceState()), "the instance to stop");
            robot.interact(() -> m.table().getSelectionModel().select(m.table().getItems().stream()
                    .filter(r -> r.instanceId().equals(instanceId)).findFirst().orElseThrow()));
            m.awaitIdle();
            l.check("stopped");

                        l.assertWholeAndReadable();
        }
    }
}
