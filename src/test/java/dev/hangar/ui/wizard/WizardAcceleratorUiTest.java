package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.checklist.Finding;
import dev.hangar.checklist.ImageFitsAcceleratorRule;
import dev.hangar.checklist.Status;
import dev.hangar.preflight.PreflightCheck;
import dev.hangar.review.LaunchReview;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 17: a focus slip picks dl1.24xlarge (Habana Gaudi) with an NVIDIA Deep Learning AMI. The review's summary says
 * what would be launched, the checklist and preflight fail image-fits-accelerator, Launch stays disabled, and the fix
 * offers the Habana image the Machine image step listed; applying it clears the failure.
 */
@Tag("ui")
@ExtendWith({LocalAwsExtension.class, ApplicationExtension.class})
class WizardAcceleratorUiTest {

    static final String HABANA_NAME = "Deep Learning AMI Habana PyTorch 2.4.0 SynapseAI 1.18.0 (Ubuntu 22.04) 20241115";

    private Stage stage;
    @TempDir Path home;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void anNvidiaImageOnAHabanaTypeBlocksLaunchAndTheFixOffersTheImageThatFits(FxRobot robot, LocalAws aws) throws Exception {
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("research-data"));
        // The fixtures hold NVIDIA DLAMIs only: a Habana image of the account's own, as a team would register it.
        String habana = aws.clients().ec2(LocalAws.REGION).registerImage(r -> r.name(HABANA_NAME)
                .description("Habana Gaudi driver and SynapseAI 1.18.0, PyTorch 2.4.0, Ubuntu 22.04")).imageId();
        aws.endpoint().clearRecord();
        try (WizardDriver w = new WizardDriver(robot, stage, aws, home)) {
            robot.interact(() -> {
                stage.setWidth(900); // the window's minimum size: nothing may be cut off
                stage.setHeight(600);
            });
            w.signIn();
            w.prefill(WizardLaunchFailuresUiTest.spec().toBuilder().instanceType("dl1.24xlarge").build(), WizardStep.AMI);
            WizardDriver.waitUntil(() -> w.state.images.get().stream().anyMatch(i -> i.imageId().equals(habana)), "the images listed");

            robot.interact(() -> w.state.currentStepProperty().set(WizardStep.REVIEW));
            w.expectStep(WizardStep.REVIEW);
            LaunchReview review = w.review();

            Finding finding = review.checklist().finding(ImageFitsAcceleratorRule.ID).orElseThrow();
            assertThat(finding.status()).isEqualTo(Status.FAIL);
            assertThat(finding.detail()).contains("Deep Learning OSS Nvidia Driver AMI GPU PyTorch 2.5.1 (Ubuntu 22.04) 20250105",
                    "carries the NVIDIA driver and CUDA", "dl1.24xlarge's Habana Gaudi accelerator (8 × Habana Gaudi HL-205)",
                    "needs the Habana SynapseAI driver");
            assertThat(finding.fix().isOneClick()).isTrue();
            assertThat(finding.fix().description()).startsWith("Use " + HABANA_NAME + " (" + habana + ")")
                    .contains("Or keep the image and pick an instance type with NVIDIA GPUs");
            PreflightCheck check = review.preflight().orElseThrow().checks().stream()
                    .filter(c -> c.id().equals(ImageFitsAcceleratorRule.ID)).findFirst().orElseThrow();
            assertThat(check.status()).isEqualTo(PreflightCheck.Status.FAIL);
            assertThat(w.button("#nextButton").isDisabled()).as("Launch with an image that cannot drive the accelerator").isTrue();
            assertThat(finding.title()).isEqualTo("The image is for NVIDIA GPUs, not the Habana Gaudi accelerator");
            assertThat(w.text("#launchBlockedReason")).isEqualTo("Launch is blocked: the image is for NVIDIA GPUs, not the Habana Gaudi "
                    + "accelerator. Fix it in the security checklist or change Machine image.");

            // What would be launched, at the top, whole at 900×600.
            assertThat(w.text("#summary-region")).isEqualTo("us-east-1, any zone that offers dl1.24xlarge (us-east-1a)");
            assertThat(w.text("#summary-instance")).isEqualTo(
                    "dl1.24xlarge: 8 × Habana Gaudi HL-205, 32 GiB memory per GPU · 96 vCPUs, 768 GiB RAM · on-demand");
            assertThat(w.text("#summary-image")).startsWith("Deep Learning OSS Nvidia Driver AMI GPU PyTorch 2.5.1 (Ubuntu 22.04) "
                    + "20250105 (" + Fixtures.PYTORCH_UBUNTU_AMI + "), made 2025-01-06 (");
            assertThat(w.text("#summary-access")).isEqualTo("Session Manager: no inbound port, no SSH key");
            assertThat(w.text("#summary-network")).startsWith("private: Hangar's network, no public IP");
            assertThat(w.text("#summary-data")).isEqualTo("s3://research-data/train/, read-only");
            assertThat(w.text("#summary-volumes")).startsWith("root 100 GiB, data 100 GiB");
            // The test endpoint's price list has no dl1 price; a bundled one may serve instead.
            assertThat(w.text("#summary-cost")).matches("\\$[0-9.]+ per hour, about \\$[0-9,]+ per month if left running \\(.*\\)"
                    + "|unknown: the price list has no price for dl1\\.24xlarge");
            robot.lookup("#launchSummary").queryAs(GridPane.class).getChildren().forEach(n -> assertWhole((Labeled) n));
            assertWhole(w.node("#launchSummaryTitle", Labeled.class));
            w.screenshot("08e-review-image-does-not-fit");
            Files.copy(Screenshots.DIR.resolve("08e-review-image-does-not-fit.png"), Path.of("/tmp/review-summary.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            robot.clickOn("#themeToggle");
            w.screenshot("dark-08e-review-image-does-not-fit");
            Files.copy(Screenshots.DIR.resolve("dark-08e-review-image-does-not-fit.png"), Path.of("/tmp/review-summary-dark.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            robot.clickOn("#themeToggle");

            w.showFinding(ImageFitsAcceleratorRule.ID);
            robot.clickOn("#fix-" + ImageFitsAcceleratorRule.ID);
            WizardDriver.waitUntil(() -> w.state.review.get() != null && !w.state.processingProperty().get(), "the review after the fix");
            assertThat(w.state.spec().amiId()).isEqualTo(habana);
            assertThat(w.review().checklist().finding(ImageFitsAcceleratorRule.ID).orElseThrow().status()).isEqualTo(Status.PASS);
            assertThat(w.review().preflight().orElseThrow().checks()).filteredOn(c -> c.id().equals(ImageFitsAcceleratorRule.ID))
                    .allMatch(c -> c.status() == PreflightCheck.Status.PASS);
            assertThat(w.text("#summary-image")).startsWith(HABANA_NAME);
            assertThat(aws.endpoint().mutatingRequests()).as("the review changes nothing").isEmpty();
        }
    }

    /** As wide as its text on one line, or, when it wraps, as tall as its wrapped text: never an ellipsis. */
    private static void assertWhole(Labeled l) {
        String what = l.getId() != null ? l.getId() : l.getText();
        if (l.isWrapText()) {
            assertThat(l.getHeight()).as(what + " tall enough for its lines").isGreaterThanOrEqualTo(l.prefHeight(l.getWidth()) - 0.5);
        } else {
            assertThat(l.getWidth()).as(what + " wide enough for its text").isGreaterThanOrEqualTo(l.prefWidth(-1) - 0.5);
        }
        Node n = l;
        assertThat(n.localToScene(n.getBoundsInLocal()).getMaxX()).as(what + " inside the window")
                .isLessThanOrEqualTo(n.getScene().getWidth());
        assertThat(n.localToScene(n.getBoundsInLocal()).getMaxY()).as(what + " inside the window")
                .isLessThanOrEqualTo(n.getScene().getHeight());
    }
}
