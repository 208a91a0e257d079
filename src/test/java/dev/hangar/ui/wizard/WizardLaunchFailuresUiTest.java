package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.journal.LaunchState;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.testing.Fault;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Path;
import java.time.Duration;
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

/** A launch that fails or is cancelled: the UI shows the rollback step by step, and nothing is left. */
@Tag("ui")
@ExtendWith({LocalAwsExtension.class, ApplicationExtension.class})
class WizardLaunchFailuresUiTest {

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

    static LaunchSpec spec() {
        return LaunchSpec.builder().name("llama").region(LocalAws.REGION).amiId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType("g5.xlarge")
                .dataBucket("research-data").dataPrefix("train/").build();
    }

    @Test
    void aFailedRunInstancesIsRolledBackStepByStep(FxRobot robot, LocalAws aws) {
        aws.endpoint().inject(Fault.on("ec2", "RunInstances").always().where("DryRun", null)
                .error(400, "InvalidParameterCombination", "The parameter combination is not supported"));
        try (WizardDriver w = new WizardDriver(robot, stage, aws, home)) {
            w.signIn();
            w.prefill(spec(), WizardStep.REVIEW);
            assertThat(w.review().launchable()).isTrue();
            w.next();

            w.expectStep(WizardStep.LAUNCH);
            WizardDriver.waitUntil(() -> w.state.outcomeProperty().get() != null, "the launch to end");
            assertThat(w.state.outcomeProperty().get().state()).isEqualTo(LaunchState.ROLLED_BACK);
            ListView<LaunchRow> rows = w.node("#launchSteps", ListView.class);
            assertThat(rows.getItems()).anyMatch(r -> r.id().equals("run-instance") && r.state() == LaunchRow.State.FAILED
                    && r.detail().contains("InvalidParameterCombination"));
            assertThat(rows.getItems()).anyMatch(r -> r.state() == LaunchRow.State.ROLLBACK);
            assertThat(rows.getItems()).anyMatch(r -> r.state() == LaunchRow.State.REMOVED && r.title().startsWith("Removed iam-role"));
            assertThat(w.text("#launchMessage")).contains("everything it created was removed");
            assertThat(w.state.currentStep()).as("a failed launch stays to show its rollback").isEqualTo(WizardStep.LAUNCH);
            assertThat(w.button("#nextButton").isDisabled()).isTrue();
            assertThat(w.button("#backButton").isDisabled()).as("back to the review after a rollback").isFalse();
            robot.interact(() -> rows.scrollTo(rows.getItems().size() - 1));
            w.screenshot("09b-launch-rolled-back");

            LaunchLeftovers.assertNothingLeft(aws, w.state.outcomeProperty().get().launchId());
        }
    }

    @Test
    void cancelDuringALaunchRollsBack(FxRobot robot, LocalAws aws) {
        // Holds RunInstances long enough to press Cancel while the launch is in the middle.
        aws.endpoint().inject(Fault.on("ec2", "RunInstances").always().where("DryRun", null).delay(Duration.ofSeconds(3)));
        try (WizardDriver w = new WizardDriver(robot, stage, aws, home)) {
            w.signIn();
            w.prefill(spec(), WizardStep.REVIEW);
            assertThat(w.review().launchable()).isTrue();
            w.next();

            w.expectStep(WizardStep.LAUNCH);
            ListView<LaunchRow> rows = w.node("#launchSteps", ListView.class);
            WizardDriver.waitUntil(() -> rows.getItems().stream().anyMatch(r -> r.id().equals("run-instance")
                    && r.state() != LaunchRow.State.PENDING), "RunInstances to start");
            assertThat(w.button("#backButton").isDisabled()).as("no Back while launching").isTrue();
            robot.clickOn("#cancelButton");
            WizardDriver.waitUntil(() -> w.state.outcomeProperty().get() != null, "the rollback to end");
            assertThat(w.state.outcomeProperty().get().state()).isEqualTo(LaunchState.ROLLED_BACK);
            assertThat(w.state.outcomeProperty().get().message()).contains("cancelled");
            assertThat(rows.getItems()).anyMatch(r -> r.state() == LaunchRow.State.ROLLBACK)
                    .anyMatch(r -> r.state() == LaunchRow.State.REMOVED);
            assertThat(w.button("#cancelButton").isDisabled()).isTrue();

            LaunchLeftovers.assertNothingLeft(aws, w.state.outcomeProperty().get().launchId());
        }
    }
}
