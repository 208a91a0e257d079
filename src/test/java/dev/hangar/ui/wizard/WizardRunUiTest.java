package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.spec.RunSpec;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Run step after Options: a run typed in reaches the review's spec; "No run" leaves the spec as it was. */
@Tag("ui")
@ExtendWith({LocalAwsExtension.class, ApplicationExtension.class})
class WizardRunUiTest {

    private Stage stage;
    @TempDir Path home;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void bucket(LocalAws aws) {
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("research-data"));
    }

    @Test
    void aRunTypedInIsTheRunReviewed(FxRobot robot, LocalAws aws) {
        try (WizardDriver w = new WizardDriver(robot, stage, aws, home)) {
            w.signIn();
            w.prefill(WizardLaunchFailuresUiTest.spec(), WizardStep.OPTIONS);
            w.next();
            w.expectStep(WizardStep.RUN);
            assertThat(robot.lookup("#stepList .step").lookup((Labeled l) -> l.getText().endsWith("   Run")).tryQuery())
                    .as("the sidebar lists the step").isPresent();
            assertThat(w.node("#noRunRadio", javafx.scene.control.RadioButton.class).isSelected()).as("no run by default").isTrue();
            assertThat(w.node("#runForm", javafx.scene.Node.class).isVisible()).isFalse();

            robot.clickOn("#runRadio");
            assertThat(w.text("#commandError")).as("no message before a touch").isEmpty();
            robot.clickOn("#nextButton");
            assertThat(w.state.currentStep()).as("a run needs a command").isEqualTo(WizardStep.RUN);
            assertThat(w.text("#commandError")).startsWith("Command is required");
            click(robot, "#s3Radio");
            click(robot, "#s3Field").write("s3://research-data/code/");
            click(robot, "#setupArea").write("pip install -r requirements.txt");
            click(robot, "#commandArea").write("torchrun --nproc_per_node=gpu train.py");
            click(robot, "#addEnvButton");
            click(robot, "#envName1").write("EPOCHS");
            click(robot, "#envValue1").write("3");
            assertThat(w.text("#budgetLabel")).startsWith(w.state.spec().run().userDataBytes("train/") + " of "
                    + RunSpec.MAX_USER_DATA_BYTES + " bytes");
            w.screenshot("07c-run");
            assertNothingCutOff(robot);

            w.next();
            w.expectStep(WizardStep.REVIEW);
            RunSpec expected = new RunSpec("s3://research-data/code/", "pip install -r requirements.txt",
                    "torchrun --nproc_per_node=gpu train.py", Map.of("EPOCHS", "3"), true);
            assertThat(w.state.spec().run()).isEqualTo(expected);
            assertThat(w.review().spec().run()).as("the review is of the spec with the run").isEqualTo(expected);
        }
    }

    @Test
    void noRunLeavesTheSpecWithoutOne(FxRobot robot, LocalAws aws) {
        try (WizardDriver w = new WizardDriver(robot, stage, aws, home)) {
            w.signIn();
            w.prefill(WizardLaunchFailuresUiTest.spec(), WizardStep.RUN);
            w.screenshot("07b-run-none");
            robot.clickOn("#runRadio");
            click(robot, "#commandArea").write("python train.py").eraseText("python train.py".length());
            WizardDriver.waitUntil(() -> w.text("#commandError").startsWith("Command is required"), "the message once the field is touched");
            click(robot, "#noRunRadio");
            assertThat(w.state.spec().run()).isNull();
            w.next();
            w.expectStep(WizardStep.REVIEW);
            assertThat(w.review().spec().run()).isNull();
        }
    }

    /** Scrolls the step to the node, as a person would, and clicks it. */
    private static org.testfx.api.FxRobotInterface click(FxRobot robot, String query) {
        robot.interact(() -> {
            javafx.scene.control.ScrollPane scroll = robot.lookup("#runScroll").queryAs(javafx.scene.control.ScrollPane.class);
            javafx.scene.Node node = robot.lookup(query).query();
            double top = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
            double room = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (top - 20) / room)));
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return robot.clickOn(query);
    }

    /** At the window's minimum size every label shows its whole text (wrapped or scrolled to, never cut short with "…"). */
    private static void assertNothingCutOff(FxRobot robot) {
        robot.interact(() -> {
            robot.lookup("#runScroll").query().getScene().getWindow().setWidth(900);
            robot.lookup("#runScroll").query().getScene().getWindow().setHeight(600);
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#runScroll").lookup((Labeled l) -> l.isVisible() && !l.getText().isEmpty()).queryAllAs(Labeled.class)
                .forEach(label -> assertThat(label.lookupAll(".text").stream().map(t -> ((Text) t).getText()))
                        .as(label.getText()).allMatch(shown -> shown.equals(label.getText()))));
    }
}
