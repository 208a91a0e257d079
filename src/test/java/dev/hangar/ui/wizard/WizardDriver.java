package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.auth.AwsProfiles;
import dev.hangar.auth.SessionOpener;
import dev.hangar.provision.Pacing;
import dev.hangar.testing.LocalAws;
import dev.hangar.ui.concurrent.FxTaskExecutor;
import dev.hangar.ui.connect.ConnectServices;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Opens the wizard on the local endpoint and drives it as a person would: click, type, wait for
 * what loads in the background. Settings and credentials are injected into the Account step.
 */
final class WizardDriver implements AutoCloseable {

    static final String DETECTED_IP = "203.0.113.7";

    final FxRobot robot;
    final Stage stage;
    final WizardState state = new WizardState();
    final FxTaskExecutor executor = new FxTaskExecutor();
    final Path home;
    final Path exports;
    final WizardWindow window;

    WizardDriver(FxRobot robot, Stage stage, LocalAws aws, Path home) {
        this(robot, stage, new SessionOpener(aws::clients), aws.settings(), home);
    }

    WizardDriver(FxRobot robot, Stage stage, SessionOpener sessions, dev.hangar.aws.AwsSettings settings, Path home) {
        this(robot, stage, sessions, settings, home, ConnectServices.unavailable());
    }

    /** @param connect the terminal and Session Manager checks behind the Done step's connect buttons */
    WizardDriver(FxRobot robot, Stage stage, LocalAws aws, Path home, ConnectServices connect) {
        this(robot, stage, new SessionOpener(aws::clients), aws.settings(), home, connect);
    }

    WizardDriver(FxRobot robot, Stage stage, SessionOpener sessions, dev.hangar.aws.AwsSettings settings, Path home, ConnectServices connect) {
        this.robot = robot;
        this.stage = stage;
        this.home = home;
        this.exports = home.resolve("exports");
        state.settingsProperty().set(settings);
        // The test endpoint cannot reach checkip.amazonaws.com: the detector is a fixed answer here.
        IpDetector ip = () -> Optional.of(DETECTED_IP);
        FileSaver saver = (owner, title, name) -> {
            try {
                java.nio.file.Files.createDirectories(exports);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Optional.of(exports.resolve(name));
        };
        WizardServices services = new WizardServices(executor, sessions,
                new AwsProfiles(ProfileFile.aggregator().build()), ip, saver,
                new dev.hangar.engine.EngineServices(home, Pacing.fast(), Clock.systemUTC()), home.resolve(".ssh/config"),
                dev.hangar.ui.auth.SignInServices.unavailable(), connect);
        window = new WizardWindow(state, services);
        robot.interact(() -> window.showIn(stage));
    }

    /** Fills every field from a spec and jumps to a step, as if the steps before it had been filled by hand. */
    void prefill(dev.hangar.spec.LaunchSpec spec, WizardStep step) {
        robot.interact(() -> {
            state.load(spec);
            state.currentStepProperty().set(step);
        });
        expectStep(step);
    }

    /** Waits for the review, and returns it. */
    dev.hangar.review.LaunchReview review() {
        waitUntil(() -> state.review.get() != null && !state.processingProperty().get(), "the review");
        return state.review.get();
    }

    /** Scrolls the Review step down to the checklist, and the checklist to a finding, so its fix button can be clicked. */
    void showFinding(String ruleId) {
        robot.interact(() -> {
            robot.lookup("#reviewScroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1.0);
            @SuppressWarnings("unchecked")
            javafx.scene.control.ListView<dev.hangar.checklist.Finding> list = robot.lookup("#checklistList").queryAs(javafx.scene.control.ListView.class);
            list.getItems().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().ifPresent(list::scrollTo);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Presses Next and waits for the next step; a form step that is not complete fails the test with its messages. */
    void next() {
        WizardStep from = state.currentStep();
        waitUntil(() -> !button("#nextButton").isDisabled(), "Next to be enabled on " + from);
        robot.clickOn("#nextButton");
        WaitForAsyncUtils.waitForFxEvents();
        if (state.currentStep() == from) {
            throw new AssertionError("Next did not leave " + from + "; the step says: " + fieldMessages());
        }
    }

    /** The validation messages the current step shows. */
    java.util.List<String> fieldMessages() {
        return robot.lookup(".field-error").queryAllAs(Labeled.class).stream()
                .filter(l -> l.isVisible() && l.getScene() != null && !l.getText().isEmpty()).map(Labeled::getText).toList();
    }

    void expectStep(WizardStep step) {
        waitUntil(() -> state.currentStep() == step, "step " + step);
        waitUntil(() -> !state.processingProperty().get(), step + " to finish loading");
    }

    Button button(String query) {
        return robot.lookup(query).queryButton();
    }

    String text(String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    <T extends Node> T node(String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    void screenshot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, stage.getScene(), name);
    }

    /**
     * Waits until the GPU type table shows every type its source line counts ("65 GPU types in …"): the table adds
     * its rows a few a frame.
     */
    TableView<?> waitForGpuTypes() {
        TableView<?> types = node("#typeTable", TableView.class);
        waitUntil(() -> {
            var count = java.util.regex.Pattern.compile("^(\\d+) GPU types? in ").matcher(text("#catalogSource"));
            return count.find() && types.getItems().size() == Integer.parseInt(count.group(1));
        }, "all the GPU types in the table");
        return types;
    }

    static void waitUntil(Callable<Boolean> condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
                Boolean[] ok = new Boolean[1];
                WaitForAsyncUtils.asyncFx(() -> ok[0] = condition.call()).get();
                return ok[0];
            });
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Signs in (the Account step does on entry), then goes to the Region step. */
    void signIn() {
        waitUntil(() -> state.sessionProperty().get() != null || state.planOnlyReasonProperty().get() != null, "sign-in");
        assertThat(state.planOnlyReasonProperty().get()).as("plan-only reason").isNull();
    }

    @Override
    public void close() {
        robot.interact(() -> {
            stage.hide();
            if (state.sessionProperty().get() != null) {
                state.sessionProperty().get().close();
            }
        });
        executor.close();
    }
}
