package dev.hangar.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.ui.wizard.Screenshots;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Collects, over a walk through a window, every cut-off text and every enabled label below WCAG AA, in the light and
 * the dark theme, and fails once at the end naming them all. Each check also saves a screenshot of both themes.
 */
public final class Legibility {

    public static final double MIN_WIDTH = 900;
    public static final double MIN_HEIGHT = 600;

    private final FxRobot robot;
    private final Stage stage;
    private final Consumer<Theme> switchTheme;
    private final String name;
    private final List<TruncationScan.Cut> cuts = new ArrayList<>();
    private final List<ContrastScan.Measured> lowContrast = new ArrayList<>();
    private int checks;

    /** @param switchTheme how the window switches theme, as its own control does */
    public Legibility(FxRobot robot, Stage stage, String name, Consumer<Theme> switchTheme) {
        this.robot = robot;
        this.stage = stage;
        this.name = name;
        this.switchTheme = switchTheme;
    }

    /** Sizes the window to its declared minimum, and checks that the minimum is the one declared. */
    public void atMinimumSize() {
        robot.interact(() -> {
            assertThat(stage.getMinWidth()).as("the window's declared minimum width").isEqualTo(MIN_WIDTH);
            assertThat(stage.getMinHeight()).as("the window's declared minimum height").isEqualTo(MIN_HEIGHT);
            stage.setWidth(MIN_WIDTH);
            stage.setHeight(MIN_HEIGHT);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scans the window as it is now in both themes, then leaves it light. */
    public void check(String where) {
        checks++;
        for (Theme theme : Theme.values()) {
            robot.interact(() -> switchTheme.accept(theme));
            WaitForAsyncUtils.waitForFxEvents();
            String at = where + " · " + theme.name().toLowerCase();
            robot.interact(() -> {
                var root = stage.getScene().getRoot();
                root.applyCss();
                root.layout();
                cuts.addAll(TruncationScan.scan(root, at));
                lowContrast.addAll(ContrastScan.belowAa(root, at));
            });
            Screenshots.save(robot, stage.getScene(), name + "-" + where.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase() + "-"
                    + theme.name().toLowerCase());
        }
        robot.interact(() -> switchTheme.accept(Theme.LIGHT));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The colours of one label as shown now (in the current theme). */
    public ContrastScan.Measured measure(Labeled l, String where) {
        ContrastScan.Measured[] m = new ContrastScan.Measured[1];
        robot.interact(() -> m[0] = ContrastScan.measure(l, where));
        return m[0];
    }

    /** Fails naming every cut-off text and every enabled text below AA, each with its step, theme, node and whole text. */
    public void assertWholeAndReadable() {
        assertThat(checks).as("checks made").isPositive();
        StringBuilder report = new StringBuilder();
        if (!cuts.isEmpty()) {
            report.append("Text cut off at ").append(MIN_WIDTH).append('×').append(MIN_HEIGHT).append(":\n").append(lines(cuts)).append('\n');
        }
        if (!lowContrast.isEmpty()) {
            report.append("Enabled text below WCAG AA ").append(ContrastRatio.AA).append(":1:\n").append(lines(lowContrast));
        }
        assertThat(report.toString()).as("%d checks of %s", checks, name).isEmpty();
    }

    private static String lines(List<?> items) {
        return items.stream().map(Object::toString).distinct().collect(Collectors.joining("\n"));
    }
}
