package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.checklist.Status;
import dev.hangar.spec.Access;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.ui.Theme;
import java.nio.file.Path;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** SSH open to the whole internet fails the checklist: Launch stays disabled until the fix is applied. */
@Tag("ui")
@ExtendWith({LocalAwsExtension.class, ApplicationExtension.class})
class WizardChecklistUiTest {

    private Stage stage;
    @TempDir Path home;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void sshFromAnywhereBlocksLaunchUntilTheFixIsApplied(FxRobot robot, LocalAws aws) {
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("research-data"));
        aws.endpoint().clearRecord();
        try (WizardDriver w = new WizardDriver(robot, stage, aws, home)) {
            w.signIn();
            w.prefill(WizardLaunchFailuresUiTest.spec(), WizardStep.ACCESS);

            robot.clickOn("#sshRadio");
            TextField cidr = w.node("#cidrField", TextField.class);
            WizardDriver.waitUntil(() -> (WizardDriver.DETECTED_IP + "/32").equals(cidr.getText()), "the detected address");
            robot.clickOn("#newKeyRadio").clickOn("#newKeyField").write("lab-key");
            assertThat(w.text("#keyPathLabel")).contains(home.resolve("keys").resolve("lab-key.pem").toString());
            w.screenshot("05b-access-ssh");

            robot.doubleClickOn(cidr).eraseText(cidr.getText().length()).write("0.0.0.0/0");
            assertThat(w.text("#cidrError")).as("no message while the address is being typed").isEmpty();
            robot.clickOn("#nextButton");
            assertThat(w.state.currentStep()).as("Next stays on a step with a problem, and says what it is").isEqualTo(WizardStep.ACCESS);
            assertThat(w.text("#cidrError")).isEqualTo("Allowed address (CIDR): this lets the whole internet try to connect: "
                    + "use your own address (…/32), or tick 'Allow SSH from anywhere'");
            w.screenshot("05c-access-error");
            robot.clickOn("#anywhereCheck");
            WizardDriver.waitUntil(() -> w.text("#cidrError").isEmpty(), "the override to clear the error");
            assertThat(w.state.problems().get()).isEmpty();

            robot.interact(() -> w.state.currentStepProperty().set(WizardStep.REVIEW));
            w.expectStep(WizardStep.REVIEW);
            assertThat(w.review().checklist().finding("no-admin-ports-from-anywhere").orElseThrow().status()).isEqualTo(Status.FAIL);
            assertThat(w.button("#nextButton").isDisabled()).as("Launch with a FAIL").isTrue();
            assertThat(w.text("#launchBlockedReason")).isEqualTo("Launch is blocked: SSH is open to the whole internet (0.0.0.0/0). "
                    + "Fix it in the security checklist or change Access.");
            w.screenshot("08c-review-fail");
            robot.clickOn("#themeToggle");
            assertThat(w.window.themeProperty().get()).isEqualTo(Theme.DARK);
            w.screenshot("dark-08-review-fail");
            robot.clickOn("#themeToggle");

            // The summary comes first: scroll the page down to the checklist, and the list to the finding, as a person would.
            w.showFinding("no-admin-ports-from-anywhere");
            robot.clickOn("#fix-no-admin-ports-from-anywhere");
            WizardDriver.waitUntil(() -> w.state.review.get() != null && !w.state.processingProperty().get(), "the review after the fix");
            assertThat(w.state.access.get()).isEqualTo(Access.SSM);
            assertThat(w.review().checklist().hasFail()).isFalse();
            WizardDriver.waitUntil(() -> !w.button("#nextButton").isDisabled(), "Launch to be enabled");
            assertThat(w.text("#launchBlockedReason")).isEmpty();
            assertThat(aws.endpoint().mutatingRequests()).as("the review changes nothing").isEmpty();
        }
    }
}
