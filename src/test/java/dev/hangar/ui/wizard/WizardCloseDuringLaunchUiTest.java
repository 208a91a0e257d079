package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.LaunchState;
import dev.hangar.testing.Fault;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Closing the wizard while a launch runs (issue 15, case 5): it asks first; confirmed, the launch is cancelled and
 * rolled back while the window stays, and the window closes only once nothing of the launch is left.
 */
@Tag("ui")
@ExtendWith({LocalAwsExtension.class, ApplicationExtension.class})
class WizardCloseDuringLaunchUiTest {

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
    void closingDuringALaunchAsksThenRollsBackAndClosesOnlyWhenNothingIsLeft(FxRobot robot, LocalAws aws) {
        // RunInstances is held so that the close comes in the middle; DeleteRole so that the rollback is still running at the second close.
        aws.endpoint().inject(Fault.on("ec2", "RunInstances").always().where("DryRun", null).delay(Duration.ofSeconds(3)));
        aws.endpoint().inject(Fault.on("iam", "DeleteRole").always().delay(Duration.ofSeconds(4)));
        try (WizardDriver w = new WizardDriver(robot, stage, aws, home)) {
            String launchId = launchUntilRunInstances(w);
            AtomicReference<LaunchState> journalWhenClosed = new AtomicReference<>();
            robot.interact(() -> stage.showingProperty().addListener(new ChangeListener<Boolean>() {
                @Override
                public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean showing) {
                    if (!showing) {
                        journalWhenClosed.set(journalState(launchId));
                        obs.removeListener(this); // the stage serves the next test too
                    }
                }
            }));

            requestClose(robot);
            assertThat(stage.isShowing()).as("the window stays open until the user answers").isTrue();
            DialogPane question = dialogWith(robot, "#confirmClose");
            assertThat(question.getHeaderText() + " " + question.getContentText()).contains("cancel").contains("remove");
            Screenshots.save(robot, question.getScene(), "09c-close-during-launch-asks");
            robot.clickOn("#confirmClose");

            ListView<LaunchRow> rows = w.node("#launchSteps", ListView.class);
            WizardDriver.waitUntil(() -> rows.getItems().stream().anyMatch(r -> r.state() == LaunchRow.State.ROLLBACK), "the rollback to start");
            assertThat(stage.isShowing()).as("the window stays while the rollback runs").isTrue();

            requestClose(robot);
            DialogPane stillRunning = dialogWith(robot, "#stillRunning");
            assertThat(stillRunning.getContentText()).contains("Removing what the launch created").contains("left");
            Screenshots.save(robot, stillRunning.getScene(), "09d-close-during-rollback-says-what-runs");
            assertThat(stage.isShowing()).as("a second close does not close the window while the rollback runs").isTrue();

            WizardDriver.waitUntil(() -> !stage.isShowing(), "the window to close once the rollback has finished");
            assertThat(journalWhenClosed.get()).as("the journal when the window closed").isEqualTo(LaunchState.ROLLED_BACK);
            LaunchLeftovers.assertNothingLeft(aws, launchId);
        }
    }

    @Test
    void decliningKeepsTheWindowAndTheLaunchAndAfterItClosingIsImmediate(FxRobot robot, LocalAws aws) {
        aws.endpoint().inject(Fault.on("ec2", "RunInstances").always().where("DryRun", null).delay(Duration.ofSeconds(2)));
        try (WizardDriver w = new WizardDriver(robot, stage, aws, home)) {
            launchUntilRunInstances(w);

            requestClose(robot);
            dialogWith(robot, "#confirmClose");
            robot.clickOn("#keepRunning");
            WizardDriver.waitUntil(() -> w.state.outcomeProperty().get() != null, "the launch to end");
            assertThat(w.state.outcomeProperty().get().state()).isEqualTo(LaunchState.SUCCEEDED);
            assertThat(stage.isShowing()).isTrue();

            requestClose(robot);
            assertThat(stage.isShowing()).as("with no launch running, the window closes as before").isFalse();
            assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
        }
    }

    /** Starts the launch from a filled review and waits until RunInstances is under way; returns the launch's ID. */
    private String launchUntilRunInstances(WizardDriver w) {
        w.signIn();
        w.prefill(WizardLaunchFailuresUiTest.spec(), WizardStep.REVIEW);
        assertThat(w.review().launchable()).isTrue();
        w.next();
        w.expectStep(WizardStep.LAUNCH);
        ListView<LaunchRow> rows = w.node("#launchSteps", ListView.class);
        WizardDriver.waitUntil(() -> rows.getItems().stream().anyMatch(r -> r.id().equals("run-instance")
                && r.state() != LaunchRow.State.PENDING), "RunInstances to start");
        List<LaunchRecord> launches = new JournalStore(home).list(new ArrayList<>());
        assertThat(launches).hasSize(1);
        return launches.get(0).launchId();
    }

    private LaunchState journalState(String launchId) {
        return new JournalStore(home).load(launchId).map(LaunchRecord::state).orElse(null);
    }

    /** What the window's close button (or the app's Quit) does: a close request, which a handler may consume. */
    private void requestClose(FxRobot robot) {
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static DialogPane dialogWith(FxRobot robot, String button) {
        WizardDriver.waitUntil(() -> robot.lookup(button).tryQuery().map(Node::isVisible).orElse(false), "a dialog with " + button);
        Optional<Node> node = robot.lookup(button).tryQuery();
        Node n = node.orElseThrow();
        while (!(n instanceof DialogPane)) {
            n = n.getParent();
        }
        return (DialogPane) n;
    }
}
