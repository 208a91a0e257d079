package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.auth.SessionOpener;
import dev.hangar.aws.AwsClients;
import dev.hangar.aws.AwsSettings;
import java.nio.file.Path;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Without credentials the wizard plans on the bundled catalog and says why Launch is disabled; keys move between steps. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WizardPlanOnlyUiTest {

    private Stage stage;
    @TempDir Path home;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private WizardDriver open(FxRobot robot) {
        SessionOpener none = new SessionOpener(settings -> new AwsClients(settings, () -> {
            throw SdkClientException.create("no credentials here");
        }));
        return new WizardDriver(robot, stage, none, AwsSettings.defaults(), home);
    }

    @Test
    void plansWithoutCredentialsAndExplainsWhyLaunchIsDisabled(FxRobot robot) {
        try (WizardDriver w = open(robot)) {
            WizardDriver.waitUntil(() -> w.state.planOnlyReasonProperty().get() != null, "plan-only mode");
            assertThat(w.text("#accountStatus")).contains("Plan-only mode").contains("no AWS credentials");
            assertThat(w.button("#backButton").isDisabled()).isTrue();
            w.screenshot("01b-account-plan-only");

            robot.type(KeyCode.ENTER);
            w.expectStep(WizardStep.REGION);
            assertThat(w.text("#bannerText")).startsWith("Plan-only mode");
            robot.type(KeyCode.ESCAPE);
            w.expectStep(WizardStep.ACCOUNT);
            robot.type(KeyCode.ENTER);
            w.expectStep(WizardStep.REGION);
            WizardDriver.waitUntil(() -> !w.node("#regionList", ListView.class).getItems().isEmpty(), "regions from the snapshot");
            w.next();

            w.expectStep(WizardStep.INSTANCE_TYPE);
            TableView<?> types = w.waitForGpuTypes();
            assertThat(w.text("#catalogSource")).contains("the offline copy bundled with Hangar")
                    .contains("prices from AWS's list of 1 May 2025 (offline copy)");
            assertThat(w.text("#typeError")).as("nothing said before anything is done").isEmpty();
            robot.clickOn("#nextButton");
            assertThat(w.state.currentStep()).as("no type chosen yet").isEqualTo(WizardStep.INSTANCE_TYPE);
            assertThat(w.text("#typeError")).isEqualTo("GPU type: choose a type in the table");

            w.prefill(WizardLaunchFailuresUiTest.spec(), WizardStep.REVIEW);
            WizardDriver.waitUntil(() -> w.state.review.get() != null, "the offline review");
            assertThat(w.button("#nextButton").isDisabled()).isTrue();
            assertThat(w.text("#launchBlockedReason")).contains("plan-only mode");
        }
    }

    @Test
    void anInvalidEndpointIsShownBesideTheField(FxRobot robot) {
        try (WizardDriver w = open(robot)) {
            WizardDriver.waitUntil(() -> w.state.planOnlyReasonProperty().get() != null, "plan-only mode");
            robot.clickOn("Advanced");
            robot.clickOn("#endpointField").write("not a url");
            robot.clickOn("#connectButton");
            WizardDriver.waitUntil(() -> !w.text("#endpointError").isEmpty(), "the endpoint error");
            assertThat(w.text("#endpointError")).contains("endpoint URL");
            assertThat(w.button("#nextButton").isDisabled()).isTrue();
        }
    }
}
