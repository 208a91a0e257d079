package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.ui.Theme;
import java.nio.file.Path;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The sidebar returns to visited steps (and to no other); the theme chosen is there after a restart. */
@Tag("ui")
@ExtendWith({LocalAwsExtension.class, ApplicationExtension.class})
class WizardSidebarUiTest {

    private Stage stage;
    @TempDir Path home;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void visitedStepsCanBeClickedAndNoOthers(FxRobot robot, LocalAws aws) {
        try (WizardDriver w = new WizardDriver(robot, stage, aws, home)) {
            w.signIn();
            w.next();
            w.expectStep(WizardStep.REGION);
            WizardDriver.waitUntil(() -> !w.node("#regionList", ListView.class).getItems().isEmpty(), "regions");
            w.next();
            w.expectStep(WizardStep.INSTANCE_TYPE);
            w.waitForGpuTypes();

            robot.clickOn(step(robot, WizardStep.REGION));
            w.expectStep(WizardStep.REGION);
            robot.clickOn(step(robot, WizardStep.INSTANCE_TYPE));
            w.expectStep(WizardStep.INSTANCE_TYPE);
            robot.clickOn(step(robot, WizardStep.ACCOUNT));
            w.expectStep(WizardStep.ACCOUNT);

            robot.clickOn(step(robot, WizardStep.AMI));
            assertThat(w.state.currentStep()).as("Machine image was never visited").isEqualTo(WizardStep.ACCOUNT);
            robot.clickOn(step(robot, WizardStep.LAUNCH));
            assertThat(w.state.currentStep()).as("Launch starts only from Review").isEqualTo(WizardStep.ACCOUNT);
        }
    }

    @Test
    void theThemeIsThereAfterARestart(FxRobot robot, LocalAws aws) {
        try (WizardDriver w = new WizardDriver(robot, stage, aws, home)) {
            robot.clickOn("#themeToggle");
            assertThat(w.window.themeProperty().get()).isEqualTo(Theme.DARK);
        }
        try (WizardDriver again = new WizardDriver(robot, stage, aws, home)) {
            assertThat(again.window.themeProperty().get()).isEqualTo(Theme.DARK);
            assertThat(again.node("#themeToggle", ToggleButton.class).isSelected()).isTrue();
        }
    }

    private static Labeled step(FxRobot robot, WizardStep step) {
        return robot.lookup("#stepList .step").lookup((Labeled l) -> l.getText().endsWith("   " + step.title())).queryLabeled();
    }
}
