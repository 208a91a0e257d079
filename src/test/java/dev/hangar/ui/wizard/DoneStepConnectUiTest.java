package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.ui.connect.RecordingTerminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * After a real launch against the local endpoint, the Done step's connect buttons wait for Session Manager: disabled,
 * with the reason, while the instance is held offline; enabled once it is online; and Open shell starts the terminal
 * (a recording stand-in first on the PATH the launcher is given) running this Hangar's {@code connect --launch}.
 */
@Tag("ui")
@EnabledOnOs(OS.LINUX)
@ExtendWith({LocalAwsExtension.class, ApplicationExtension.class})
class DoneStepConnectUiTest {

    private Stage stage;
    @TempDir Path home;
    @TempDir Path tools;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theButtonsWaitUntilTheInstanceIsOnlineThenOpenShellRunsTheTerminal(FxRobot robot, LocalAws aws) throws Exception {
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("research-data"));
        aws.sessionManager().holdAllOffline(); // as in the minutes after a real start, before the agent registers
        RecordingTerminal terminal = new RecordingTerminal(tools);
        try (WizardDriver w = new WizardDriver(robot, stage, aws, home, terminal.services())) {
            robot.interact(() -> {
                stage.setWidth(900); // the window's minimum size: nothing may be cut off
                stage.setHeight(600);
            });
            w.signIn();
            w.prefill(WizardLaunchFailuresUiTest.spec(), WizardStep.REVIEW);
            assertThat(w.review().launchable()).isTrue();
            w.next();
            w.expectStep(WizardStep.LAUNCH);
            w.expectStep(WizardStep.DONE); // by itself, once the launch has succeeded
            assertThat(w.state.outcomeProperty().get().succeeded()).as(w.state.outcomeProperty().get().message()).isTrue();
            String launchId = w.state.outcomeProperty().get().launchId();
            String instanceId = w.state.outcomeProperty().get().outputs().get("instanceId");

            WizardDriver.waitUntil(() -> w.text("#connectReason").contains("has not registered with Session Manager yet"), "the reason");
            int checks = aws.endpoint().count("ssm", "DescribeInstanceInformation");
            WizardDriver.waitUntil(() -> aws.endpoint().count("ssm", "DescribeInstanceInformation") >= checks + 2, "more checks");
            for (String id : List.of("#openShellButton", "#openJupyterButton", "#forwardPortButton", "#copySshHostButton", "#addSshHostButton")) {
                assertThat(w.button(id).isDisabled()).as(id + " while offline").isTrue();
            }
            assertThat(w.text("#connectReason")).isEqualTo("The instance has not registered with Session Manager yet (usually 1–3 minutes"
                    + " after it starts).");
            assertThat(w.button("#checkAgainButton").isVisible()).as("still checking").isFalse();
            w.screenshot("11-done-waiting-for-session-manager");

            aws.sessionManager().release(instanceId);
            WizardDriver.waitUntil(() -> !w.button("#openShellButton").isDisabled(), "Open shell to be enabled");
            assertThat(w.button("#openJupyterButton").isDisabled()).isFalse();
            assertThat(w.button("#forwardPortButton").isDisabled()).isFalse();
            assertThat(w.text("#connectReason")).startsWith("Online in Session Manager");
            int afterOnline = aws.endpoint().count("ssm", "DescribeInstanceInformation");

            robot.clickOn("#openShellButton");
            WizardDriver.waitUntil(() -> w.text("#connectStatus").startsWith("Opened") || w.node("#connectStatus", javafx.scene.Node.class)
                    .getStyleClass().contains("field-error"), "the terminal to be started");
            assertThat(w.text("#connectStatus")).startsWith("Opened xterm");
            assertThat(terminal.opened()).isTrue();
            List<String> argv = terminal.argv();
            assertThat(argv).startsWith("-e").endsWith("connect", "--launch", launchId);
            assertThat(argv).containsSubsequence("--home", home.toAbsolutePath().toString())
                    .containsSubsequence("--endpoint-url", aws.uri().toString())
                    .contains("dev.hangar.app.Main"); // this Hangar, from the test's class path
            assertThat(w.text("#connectStatus")).contains("a shell on " + instanceId);
            assertThat(aws.endpoint().count("ssm", "DescribeInstanceInformation")).as("no checks once online").isEqualTo(afterOnline);

            // SSH for scp, rsync and VS Code: a host entry whose ProxyCommand is this Hangar, in a file ~/.ssh/config includes.
            robot.clickOn("#addSshHostButton");
            WizardDriver.waitUntil(() -> w.text("#connectStatus").contains("ssh hangar-") || w.text("#connectStatus").startsWith("Not added"),
                    "the SSH config to be written");
            assertThat(w.text("#connectStatus")).contains("ssh hangar-" + WizardLaunchFailuresUiTest.spec().name());
            String userConfig = Files.readString(terminal.sshDirectory().resolve("config"));
            String include = userConfig.lines().filter(l -> l.startsWith("Include ")).findFirst().orElseThrow();
            Path hangarConfig = Path.of(include.substring("Include ".length()).replace("\"", ""));
            assertThat(Files.readString(hangarConfig)).contains("Host hangar-" + WizardLaunchFailuresUiTest.spec().name(), "ProxyCommand",
                    "ssh-proxy", launchId);
            robot.clickOn("#copySshHostButton");
            WizardDriver.waitUntil(() -> w.text("#connectStatus").startsWith("Copied"), "the entry to be copied");
            String copied = clipboard(robot);
            assertThat(copied).contains("Host hangar-" + WizardLaunchFailuresUiTest.spec().name(), "ProxyCommand");
            assertNothingCutOff(robot, w);
            // Online, a shell opened and the SSH host added: every text whole and readable, in both themes.
            dev.hangar.ui.Legibility legibility = new dev.hangar.ui.Legibility(robot, stage, "wizard",
                    theme -> robot.lookup("#themeToggle").queryAs(javafx.scene.control.ToggleButton.class).setSelected(theme == dev.hangar.ui.Theme.DARK));
            legibility.check("12 Done, online");
            legibility.assertWholeAndReadable();
            w.screenshot("12-done-online");
            Files.copy(Screenshots.DIR.resolve("12-done-online.png"), Path.of("/tmp/done-step.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String clipboard(FxRobot robot) throws Exception {
        java.util.concurrent.CompletableFuture<String> text = new java.util.concurrent.CompletableFuture<>();
        javafx.application.Platform.runLater(() -> text.complete(javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        return text.get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Every connect button shows its whole text at 900×600. */
    private static void assertNothingCutOff(FxRobot robot, WizardDriver w) {
        for (String id : List.of("#openShellButton", "#openJupyterButton", "#forwardPortButton", "#copySshHostButton", "#addSshHostButton",
                "#openMonitorButton")) {
            Button b = w.button(id);
            assertThat(b.getWidth()).as(id + " wide enough for its text").isGreaterThanOrEqualTo(b.prefWidth(-1) - 0.5);
            assertThat(b.localToScene(b.getBoundsInLocal()).getMaxY()).as(id + " inside the window").isLessThanOrEqualTo(w.stage.getScene().getHeight());
        }
    }
}
