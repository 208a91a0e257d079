package dev.hangar.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.monitor.MonitorFixture;
import dev.hangar.monitor.MonitoredInstance;
import dev.hangar.provision.LaunchOutcome;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.ui.concurrent.FxTaskExecutor;
import dev.hangar.ui.wizard.WizardState;
import dev.hangar.ui.wizard.WizardStep;
import dev.hangar.ui.wizard.WizardWindow;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The wizard opens the monitor from its sidebar (any step) and from the Done step, one window at a time. */
@Tag("ui")
@ExtendWith({LocalAwsExtension.class, ApplicationExtension.class})
class MonitorEntryUiTest {

    private Stage stage;
    @TempDir Path home;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theSidebarAndTheDoneStepOpenTheMonitorOnTheLaunch(FxRobot robot, LocalAws aws) throws Exception {
        MonitorFixture f = new MonitorFixture(aws, home);
        LaunchOutcome outcome = f.launch(MonitorFixture.spec().build());
        String instanceId = outcome.outputs().get("instanceId");
        WizardState state = new WizardState();
        state.settingsProperty().set(aws.settings());
        try (FxTaskExecutor executor = new FxTaskExecutor()) {
            WizardWindow wizard = new WizardWindow(state, MonitorDriver.services(executor, aws, home));
            robot.interact(() -> wizard.showIn(stage));
            MonitorDriver.waitUntil(() -> state.sessionProperty().get() != null, "the Account step to sign in");

            robot.clickOn("#monitorButton");
            Stage monitor = awaitMonitor();
            TableView<MonitoredInstance> table = table(robot, monitor);
            MonitorDriver.waitUntil(() -> table.getItems().stream().anyMatch(i -> instanceId.equals(i.instanceId()) && i.running()),
                    "the monitor to list the launch");
            robot.interact(monitor::hide);
            assertThat(monitors()).isEmpty();

            robot.interact(() -> {
                state.outcomeProperty().set(outcome);
                state.currentStepProperty().set(WizardStep.DONE);
            });
            robot.clickOn("#openMonitorButton");
            Stage fromDone = awaitMonitor();
            TableView<MonitoredInstance> rows = table(robot, fromDone);
            MonitorDriver.waitUntil(() -> rows.getSelectionModel().getSelectedItem() != null
                    && outcome.launchId().equals(rows.getSelectionModel().getSelectedItem().launchId()), "the new launch to be selected");
            assertThat(fromDone.getScene().getStylesheets()).as("the wizard's theme").isEqualTo(stage.getScene().getStylesheets());

            robot.interact(stage::toFront);
            robot.clickOn("#openMonitorButton");
            MonitorDriver.waitUntil(() -> true, "events");
            assertThat(monitors()).as("one monitor at a time").containsExactly(fromDone);
            robot.interact(() -> {
                fromDone.hide();
                stage.hide();
            });
        }
    }

    private static Stage awaitMonitor() {
        MonitorDriver.waitUntil(() -> !monitors().isEmpty(), "the monitor window");
        return monitors().get(0);
    }

    private static List<Stage> monitors() {
        return MonitorDriver.onFx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s && MonitorWindow.TITLE.equals(s.getTitle()))
                .map(w -> (Stage) w).toList());
    }

    @SuppressWarnings("unchecked")
    private static TableView<MonitoredInstance> table(FxRobot robot, Stage window) {
        return robot.from(window.getScene().getRoot()).lookup("#instanceTable").queryAs(TableView.class);
    }
}
