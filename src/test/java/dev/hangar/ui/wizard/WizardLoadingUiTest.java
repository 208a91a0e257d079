package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.testing.Fault;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * While Region and GPU type read from AWS (held here until the test lets them answer), their lists show a progress
 * indicator and say what is loading, never "No GPU type matches."; once the answer is in, the rows.
 */
@Tag("ui")
@ExtendWith({LocalAwsExtension.class, ApplicationExtension.class})
class WizardLoadingUiTest {

    private Stage stage;
    @TempDir Path home;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void regionAndGpuTypeShowAProgressIndicatorWhileLoading(FxRobot robot, LocalAws aws) {
        CountDownLatch regions = hold(aws, "DescribeRegions");
        CountDownLatch types = hold(aws, "DescribeInstanceTypes");
        try (WizardDriver w = new WizardDriver(robot, stage, aws, home)) {
            robot.interact(() -> {
                stage.setWidth(900);
                stage.setHeight(600);
            });
            w.signIn();
            robot.clickOn("#nextButton");
            WizardDriver.waitUntil(() -> w.state.currentStep() == WizardStep.REGION, "the Region step");
            ListView<?> regionList = w.node("#regionList", ListView.class);
            assertLoading(regionList.getPlaceholder(), "Loading the regions…");
            w.screenshot("02a-region-loading");
            regions.countDown();
            WizardDriver.waitUntil(() -> !regionList.getItems().isEmpty(), "regions");
            w.next();

            WizardDriver.waitUntil(() -> w.state.currentStep() == WizardStep.INSTANCE_TYPE, "the GPU type step");
            TableView<?> table = w.node("#typeTable", TableView.class);
            assertLoading(table.getPlaceholder(), "Loading the GPU types of us-east-1…");
            w.screenshot("03a-gpu-type-loading");
            types.countDown();
            w.waitForGpuTypes();
            w.screenshot("03b-gpu-type-at-the-minimum-size");

            robot.clickOn("#typeFilter").write("no-such-type");
            WizardDriver.waitUntil(() -> table.getItems().isEmpty(), "the filter to leave nothing");
            assertThat(placeholderText(table.getPlaceholder())).isEqualTo("No GPU type matches.");
            assertThat(indicator(table.getPlaceholder()).isVisible()).isFalse();
        } finally {
            regions.countDown();
            types.countDown();
        }
    }

    /** Holds every call of the action until the latch is counted down (at most a minute, so that a failure ends). */
    private static CountDownLatch hold(LocalAws aws, String action) {
        CountDownLatch gate = new CountDownLatch(1);
        aws.endpoint().inject(Fault.on("ec2", action).always().when(params -> {
            try {
                gate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false; // held, then answered as usual: the delay below never applies
        }).delay(java.time.Duration.ZERO));
        return gate;
    }

    private static void assertLoading(Node placeholder, String text) {
        WizardDriver.waitUntil(() -> indicator(placeholder).isVisible(), "the progress indicator");
        assertThat(placeholderText(placeholder)).isEqualTo(text);
    }

    private static ProgressIndicator indicator(Node placeholder) {
        return (ProgressIndicator) placeholder.lookup("#loadingIndicator");
    }

    private static String placeholderText(Node placeholder) {
        return ((Label) placeholder.lookup("#placeholderText")).getText();
    }
}
