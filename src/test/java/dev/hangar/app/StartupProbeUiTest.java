package dev.hangar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The startup probe prints one line once the shown stage's first frame is rendered, and nothing without its property. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class StartupProbeUiTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label("probe"), 200, 100));
        stage.show();
    }

    @Test
    void printsOneLineAfterTheFirstFrame(FxRobot robot) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        robot.interact(() -> StartupProbe.arm(stage, out, false));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bytes.toString(StandardCharsets.UTF_8).contains("\n"));
        // More pulses must not print again.
        robot.interact(() -> stage.getScene().setRoot(new Label("changed")));
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).matches("hangar-first-frame uptimeMs=\\d+ cpuMs=\\d+\\R");
        assertThat(Long.parseLong(printed.substring(printed.indexOf('=') + 1, printed.indexOf(' ', printed.indexOf('='))))).isPositive();
    }

    @Test
    void armedOnAStageNotYetShownItWaitsForTheShow(FxRobot robot) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Stage[] other = new Stage[1];
        robot.interact(() -> {
            other[0] = new Stage();
            other[0].setScene(new Scene(new Label("later"), 100, 50));
            StartupProbe.arm(other[0], out, false);
        });
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        assertThat(bytes.size()).as("nothing before the stage shows").isZero();
        robot.interact(() -> other[0].show());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bytes.toString(StandardCharsets.UTF_8).startsWith(StartupProbe.PREFIX + " uptimeMs="));
        robot.interact(() -> other[0].hide());
    }

    @Test
    void withoutThePropertyItDoesNothing(FxRobot robot) throws Exception {
        assertThat(System.getProperty(StartupProbe.PROPERTY)).isNull();
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            robot.interact(() -> StartupProbe.arm(stage));
            robot.interact(() -> stage.getScene().setRoot(new Label("changed")));
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        } finally {
            System.setOut(original);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain(StartupProbe.PREFIX);
    }
}
