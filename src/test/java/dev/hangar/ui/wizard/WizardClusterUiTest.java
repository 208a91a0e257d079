package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Path;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Options step's "Nodes": a cluster of N sets the spec's cluster, and the review hands it to hangar cluster create. */
@Tag("ui")
@ExtendWith({LocalAwsExtension.class, ApplicationExtension.class})
class WizardClusterUiTest {

    private Stage stage;
    @TempDir Path home;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aClusterOfNIsReviewedAndHandedToParallelCluster(FxRobot robot, LocalAws aws) {
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("research-data"));
        try (WizardDriver w = new WizardDriver(robot, stage, aws, home)) {
            w.signIn();
            w.prefill(WizardLaunchFailuresUiTest.spec(), WizardStep.OPTIONS);
            assertThat(w.text("#nodesNote")).isEqualTo("One machine, launched by Hangar.");
            assertThat(w.node("#nodesSpinner", Spinner.class).isDisabled()).isTrue();

            // The Nodes row is the Options step's last: scroll to it as a person would.
            robot.interact(() -> ScrollIntoView.show(w.node("#clusterRadio", javafx.scene.Node.class)));
            robot.clickOn("#clusterRadio");
            @SuppressWarnings("unchecked")
            Spinner<Integer> nodes = w.node("#nodesSpinner", Spinner.class);
            robot.interact(() -> nodes.getValueFactory().setValue(4));
            WizardDriver.waitUntil(() -> w.state.spec().cluster() != null && w.state.spec().cluster().nodes() == 4, "the spec's cluster");
            assertThat(w.text("#nodesNote")).contains("AWS ParallelCluster", "hangar cluster create");
            w.screenshot("07b-options-cluster");
            w.next();

            w.expectStep(WizardStep.RUN); // no run: a cluster's job is submitted with sbatch
            w.next();

            w.expectStep(WizardStep.REVIEW);
            assertThat(w.review().cluster()).isPresent();
            assertThat(w.review().launchable()).as(w.text("#launchBlockedReason")).isTrue();
            assertThat(w.button("#nextButton").isDisabled()).as("the wizard launches one machine, not a cluster").isTrue();
            assertThat(w.text("#launchBlockedReason")).contains("hangar cluster create");
        }
    }
}
