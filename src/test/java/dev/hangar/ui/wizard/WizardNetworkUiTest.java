package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.auth.SessionOpener;
import dev.hangar.aws.AwsClients;
import dev.hangar.aws.AwsSettings;
import dev.hangar.checklist.Status;
import dev.hangar.review.LaunchReview;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.NetworkMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Issue 16: the Access step offers private (the default), isolated and public with their cost and consequence; the
 * choice reaches the spec and the review (its checklist, the network tab, the cost); a spec's subnetId overrides it.
 * Plan-only, so no AWS endpoint is needed: the review runs offline on the bundled catalog.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WizardNetworkUiTest {

    private static final String SUBNET = "subnet-0123456789abcdef0";

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
        WizardDriver w = new WizardDriver(robot, stage, none, AwsSettings.defaults(), home);
        robot.interact(() -> {
            stage.setWidth(900); // the window's minimum size: nothing may be cut off
            stage.setHeight(600);
        });
        WizardDriver.waitUntil(() -> w.state.planOnlyReasonProperty().get() != null, "plan-only mode");
        return w;
    }

    private static LaunchSpec spec() {
        return LaunchSpec.builder().name("llama").region("us-east-1").amiId("ami-0123456789abcdef0").instanceType("g5.xlarge")
                .dataBucket("research-data").dataPrefix("train/").build();
    }

    @Test
    void isolatedIsPickedOnTheAccessStepAndShowsInTheSpecAndTheReview(FxRobot robot) throws Exception {
        try (WizardDriver w = open(robot)) {
            w.prefill(spec(), WizardStep.ACCESS);
            assertThat(w.node("#privateRadio", RadioButton.class).isSelected()).as("private by default").isTrue();
            assertThat(w.text("#privateRadio")).isEqualTo("Private — recommended");
            assertThat(w.text("#privateHint")).contains("No public address").contains("NAT gateway")
                    .contains("About $0.05/h while any Hangar machine in us-east-1 exists, plus $0.045 per GB");
            assertThat(w.text("#isolatedHint")).contains("pip install and model downloads will not work: stage packages and models in S3");
            assertThat(w.text("#publicHint")).contains("public IP address in the region's default VPC");
            assertThat(w.node("#subnetNote", Label.class).isVisible()).isFalse();

            robot.clickOn("#isolatedRadio");
            assertThat(w.state.spec().network()).isEqualTo(NetworkMode.ISOLATED);
            assertThat(w.state.problems().get()).as("the step is complete").isEmpty();
            robot.interact(() -> w.node("#accessScroll", ScrollPane.class).setVvalue(1.0));
            assertNothingCutOff(w, List.of("#ssmRadio", "#sshRadio", "#privateRadio", "#isolatedRadio", "#publicRadio",
                    "#privateHint", "#isolatedHint", "#publicHint"));
            w.screenshot("05d-access-network-isolated");
            Files.copy(Screenshots.DIR.resolve("05d-access-network-isolated.png"), Path.of("/tmp/access-step.png"),
                    StandardCopyOption.REPLACE_EXISTING);

            robot.interact(() -> w.state.currentStepProperty().set(WizardStep.REVIEW));
            w.expectStep(WizardStep.REVIEW);
            LaunchReview review = w.review();
            assertThat(review.spec().network()).isEqualTo(NetworkMode.ISOLATED);
            assertThat(review.checklist().finding("instance-can-reach-aws").orElseThrow().status()).isEqualTo(Status.PASS);
            assertThat(review.checklist().finding("internet-downloads").orElseThrow().status()).isEqualTo(Status.WARN);
            assertThat(w.text("#costLabel")).contains("+ $0.050/h isolated network (shared)");
            robot.clickOn("Network");
            assertThat(w.text("#networkPlace")).isEqualTo("instance (no public IP) in Hangar's isolated subnet in the instance's zone "
                    + "of VPC 10.213.0.0/16");
            List<String> routes = robot.lookup("#networkRoutes").queryAs(GridPane.class).getChildren().stream()
                    .map(n -> ((Labeled) n).getText()).toList();
            assertThat(routes).containsSubsequence("→ interface endpoints → SSM, CloudWatch, Logs", "→ S3 gateway endpoint → S3",
                    "✗ internet", "no route out: pip install and model downloads will not work", "← inbound: none");
            assertThat(w.text("#networkCost")).startsWith("Network (isolated): $0.050/h — 5 interface endpoints")
                    .contains("shared by every Hangar launch in us-east-1, billed while it stands, removed with the last launch or "
                            + "`hangar network destroy`");
            assertNothingCutOff(w, List.of("#networkPlace", "#networkCost", "#costLabel"));
            robot.lookup("#networkRoutes").queryAs(GridPane.class).getChildren().forEach(n -> assertWhole((Labeled) n));
            w.screenshot("08d-review-network-isolated");
            Files.copy(Screenshots.DIR.resolve("08d-review-network-isolated.png"), Path.of("/tmp/review-network.png"),
                    StandardCopyOption.REPLACE_EXISTING);

            // The warning's fix: back to private, which the Access step shows.
            robot.clickOn("Security checklist");
            w.showFinding("internet-downloads");
            robot.clickOn("#fix-internet-downloads");
            WizardDriver.waitUntil(() -> w.state.review.get() != null && !w.state.processingProperty().get(), "the review after the fix");
            assertThat(w.state.spec().network()).isEqualTo(NetworkMode.PRIVATE);
            assertThat(w.review().checklist().finding("internet-downloads").orElseThrow().status()).isEqualTo(Status.PASS);
            robot.interact(() -> w.state.currentStepProperty().set(WizardStep.ACCESS));
            w.expectStep(WizardStep.ACCESS);
            assertThat(w.node("#privateRadio", RadioButton.class).isSelected()).isTrue();
        }
    }

    @Test
    void publicClearsNothingAndASpecsSubnetOverridesTheChoice(FxRobot robot) {
        try (WizardDriver w = open(robot)) {
            w.prefill(spec(), WizardStep.ACCESS);
            robot.clickOn("#publicRadio");
            assertThat(w.state.spec().network()).isEqualTo(NetworkMode.PUBLIC);

            w.prefill(spec().toBuilder().subnetId(SUBNET).associatePublicIp(true).build(), WizardStep.ACCESS);
            Label note = w.node("#subnetNote", Label.class);
            assertThat(note.isVisible()).isTrue();
            assertThat(note.getText()).contains("Your spec names subnet " + SUBNET).contains("these choices do not apply");
            assertThat(w.node("#isolatedRadio", RadioButton.class).isDisabled()).isTrue();
            assertThat(w.state.spec().subnetId()).isEqualTo(SUBNET);
            assertThat(w.state.spec().associatePublicIp()).isTrue();
            assertThat(w.state.problems().get()).as("the step is complete").isEmpty();
            robot.interact(() -> w.node("#accessScroll", ScrollPane.class).setVvalue(1.0));
            assertNothingCutOff(w, List.of("#subnetNote"));
            w.screenshot("05e-access-subnet-overrides");
        }
    }

    private static void assertNothingCutOff(WizardDriver w, List<String> ids) {
        for (String id : ids) {
            assertWhole(w.node(id, Labeled.class));
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
        assertThat(n.localToScene(n.getBoundsInLocal()).getMinX()).as(what + " inside the window").isGreaterThanOrEqualTo(0);
        assertThat(n.localToScene(n.getBoundsInLocal()).getMaxX()).as(what + " inside the window")
                .isLessThanOrEqualTo(n.getScene().getWidth());
    }
}
