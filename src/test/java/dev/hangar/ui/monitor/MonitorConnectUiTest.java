package dev.hangar.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.monitor.MonitorFixture;
import dev.hangar.monitor.MonitoredInstance;
import dev.hangar.provision.LaunchOutcome;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.ui.connect.RecordingTerminal;
import dev.hangar.ui.wizard.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The monitor's connect buttons for the selected launch: the same readiness gating as the Done step, and Forward a port…. */
@Tag("ui")
@EnabledOnOs(OS.LINUX)
@ExtendWith({LocalAwsExtension.class, ApplicationExtension.class})
class MonitorConnectUiTest {

    private Stage stage;
    @TempDir Path home;
    @TempDir Path tools;
    private MonitorFixture f;
    private String launchId;
    private String instanceId;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void launch(LocalAws aws) throws Exception {
        aws.sessionManager().holdAllOffline();
        f = new MonitorFixture(aws, home);
        LaunchOutcome outcome = f.launch(MonitorFixture.spec().build());
        launchId = outcome.launchId();
        instanceId = outcome.outputs().get("instanceId");
    }

    @Test
    void forwardsAPortOnceOnlineAndSaysWhyNotWhenStopped(FxRobot robot, LocalAws aws) {
        RecordingTerminal terminal = new RecordingTerminal(tools);
        try (MonitorDriver m = new MonitorDriver(robot, stage, aws, home, terminal.services())) {
            robot.interact(() -> {
                stage.setWidth(900);
                stage.setHeight(600);
            });
            m.awaitRow(instanceId, MonitoredInstance::running, "the launch to be listed");
            MonitorDriver.waitUntil(() -> m.text("#connectReasonLine").contains("has not registered with Session Manager yet"), "the reason");
            for (String id : List.of("connectShellButton", "connectJupyterButton", "connectForwardButton")) {
                assertThat(m.button(id).isDisabled()).as(id + " while offline").isTrue();
            }
            m.screenshot("monitor-connect-offline");

            aws.sessionManager().release(instanceId);
            MonitorDriver.waitUntil(() -> !m.button("connectForwardButton").isDisabled(), "Forward a port… to be enabled");
            robot.clickOn("#connectForwardButton");
            MonitorDriver.waitUntil(() -> robot.lookup("#forwardPortField").tryQuery().isPresent(), "the dialog");
            robot.clickOn("#forwardPortField").write("99999");
            assertThat(robot.lookup("#forwardPortProblem").queryAs(Label.class).getText())
                    .isEqualTo("The instance's port must be a number from 1 to 65535, not \"99999\".");
            assertThat(robot.lookup("#forwardPortOk").queryAs(Node.class).isDisabled()).isTrue();
            robot.eraseText(5).write("6006:16006");
            assertThat(robot.lookup("#forwardPortProblem").queryAs(Label.class).getText()).isEmpty();
            robot.clickOn("#forwardPortOk");

            MonitorDriver.waitUntil(() -> m.text("#connectStatusLine").startsWith("Opened")
                    || m.text("#connectStatusLine").startsWith("Could not") || m.text("#connectStatusLine").contains("run this"), "the terminal");
            assertThat(m.text("#connectStatusLine")).isEqualTo("Opened xterm with port 6006 forwarded to localhost:16006 on " + instanceId
                    + ". The session ends when you close it.");
            assertThat(terminal.argv()).endsWith("connect", "--launch", launchId, "--forward", "6006:16006")
                    .containsSubsequence("--home", home.toAbsolutePath().toString());
            m.screenshot("monitor-connect");
            copy("monitor-connect", "/tmp/monitor-connect.png");

            f.actions.stop(launchId, e -> { });
            robot.clickOn("#refreshButton");
            MonitorDriver.waitUntil(() -> m.text("#connectReasonLine").matches("The instance is (stopping|stopped): start it first\\."),
                    "the stopped instance's reason");
            assertThat(m.button("connectShellButton").isDisabled()).isTrue();
        }
    }

    private static void copy(String screenshot, String to) {
        try {
            Files.copy(Screenshots.DIR.resolve(screenshot + ".png"), Path.of(to), StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
