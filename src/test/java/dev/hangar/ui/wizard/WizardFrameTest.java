package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class WizardFrameTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new WizardWindow().showIn(stage);
    }

    @Test
    void opensOnTheFirstStepWithEveryStepListed(FxRobot robot) {
        assertThat(stage.getTitle()).isEqualTo("Hangar");
        ListView<WizardStep> steps = robot.lookup("#stepList").queryListView();
        assertThat(steps.getItems()).containsExactly(WizardStep.values());
        assertThat(steps.getSelectionModel().getSelectedItem()).isEqualTo(WizardStep.ACCOUNT);
        assertThat(robot.lookup("#backButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#nextButton").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void nextAndBackMoveThroughTheSteps(FxRobot robot) {
        robot.clickOn("#nextButton");
        assertThat(robot.lookup("#stepTitle").queryAs(Label.class).getText()).isEqualTo("Region");
        ListView<WizardStep> steps = robot.lookup("#stepList").queryListView();
        assertThat(steps.getSelectionModel().getSelectedItem()).isEqualTo(WizardStep.REGION);

        robot.clickOn("#backButton");
        assertThat(robot.lookup("#stepTitle").queryAs(Label.class).getText()).isEqualTo("Account");
    }

    @Test
    void nextIsDisabledOnTheLastStep(FxRobot robot) {
        for (int i = 1; i < WizardStep.values().length; i++) {
            robot.clickOn("#nextButton");
        }
        assertThat(robot.lookup("#stepTitle").queryAs(Label.class).getText()).isEqualTo("Launch");
        assertThat(robot.lookup("#nextButton").queryAs(Button.class).isDisabled()).isTrue();
    }
}
