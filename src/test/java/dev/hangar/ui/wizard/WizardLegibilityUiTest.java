package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.checklist.Finding;
import dev.hangar.checklist.ImageFitsAcceleratorRule;
import dev.hangar.checklist.Status;
import dev.hangar.journal.LaunchState;
import dev.hangar.testing.Fault;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.ui.ContrastRatio;
import dev.hangar.ui.ContrastScan;
import dev.hangar.ui.Legibility;
import dev.hangar.ui.Theme;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 17: every step of the wizard at the window's minimum size (900×600), in the light and the dark theme: no label,
 * button, cell, header or tab shows its text cut off, every enabled control's text reaches WCAG AA (4.5:1) against what
 * is behind it, and a disabled button looks different from an enabled one.
 */
@Tag("ui")
@ExtendWith({LocalAwsExtension.class, ApplicationExtension.class})
class WizardLegibilityUiTest {

    private Stage stage;
    @TempDir Path home;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private Legibility legibility(FxRobot robot) {
        Legibility l = new Legibility(robot, stage, "wizard",
                theme -> robot.lookup("#themeToggle").queryAs(ToggleButton.class).setSelected(theme == Theme.DARK));
        l.atMinimumSize();
        return l;
    }

    @Test
    void everyStepFromAccountToDoneIsWholeAndReadable(FxRobot robot, LocalAws aws) {
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("research-data"));
        try (WizardDriver w = new WizardDriver(robot, stage, aws, home)) {
            Legibility l = legibility(robot);
            w.signIn();
            l.check("01 Account");
            assertThat(w.button("#backButton").isDisabled()).as("Back on the first step").isTrue();
            Map<Theme, ContrastScan.Measured> disabledBack = inBothThemes(robot, w, l, "#backButton");
            Map<Theme, ContrastScan.Measured> enabledNext = inBothThemes(robot, w, l, "#nextButton");
            w.next();

            w.expectStep(WizardStep.REGION);
            WizardDriver.waitUntil(() -> !w.node("#regionList", ListView.class).getItems().isEmpty(), "regions");
            robot.interact(() -> w.node("#regionList", ListView.class).requestFocus()); // the selected row as a person sees it
            l.check("02 Region");
            w.next();

            w.expectStep(WizardStep.INSTANCE_TYPE);
            TableView<?> types = w.waitForGpuTypes();
            l.check("03 GPU type, as listed");
            robot.interact(() -> {
                types.getSelectionModel().select(types.getItems().size() - 1);
                types.scrollTo(types.getItems().size() - 1);
                types.requestFocus();
            });
            l.check("03 GPU type, largest selected");
            robot.clickOn("#typeFilter").write("g5.xlarge");
            WizardDriver.waitUntil(() -> types.getItems().size() == 1, "filter to g5.xlarge");
            robot.clickOn(robot.lookup(".table-cell").lookup((Labeled c) -> "g5.xlarge".equals(c.getText())).queryLabeled());
            l.check("03 GPU type");
            w.next();

            w.expectStep(WizardStep.AMI);
            WizardDriver.waitUntil(() -> robot.lookup(".tree-table-cell").lookup((Labeled c) -> Fixtures.PYTORCH_UBUNTU_AMI.equals(c.getText()))
                    .tryQuery().isPresent(), "Deep Learning AMIs");
            robot.clickOn(robot.lookup(".tree-table-cell").lookup((Labeled c) -> Fixtures.PYTORCH_UBUNTU_AMI.equals(c.getText())).queryLabeled());
            l.check("04 Machine image");
            w.next();

            w.expectStep(WizardStep.ACCESS);
            l.check("05 Access");
            robot.clickOn("#sshRadio");
            robot.clickOn("#newKeyRadio").clickOn("#newKeyField").write("lab-key");
            l.check("05 Access, SSH");
            robot.clickOn("#ssmRadio");
            w.next();

            w.expectStep(WizardStep.DATA);
            ComboBox<?> buckets = w.node("#bucketChoice", ComboBox.class);
            WizardDriver.waitUntil(() -> buckets.getItems().contains("research-data"), "buckets");
            robot.interact(buckets::show);
            robot.clickOn(robot.lookup(".list-cell").lookup((Labeled c) -> "research-data".equals(c.getText())).queryLabeled());
            WizardDriver.waitUntil(() -> w.text("#bucketPosture").contains("Default encryption"), "bucket posture");
            l.check("06 Data");
            w.next();

            w.expectStep(WizardStep.OPTIONS);
            l.check("07 Options");
            w.next();

            w.expectStep(WizardStep.RUN);
            robot.clickOn("#runRadio");
            l.check("07c Run");
            robot.clickOn("#noRunRadio");
            w.next();

            w.expectStep(WizardStep.REVIEW);
            assertThat(w.review().launchable()).as(w.text("#launchBlockedReason")).isTrue();
            checkEveryReviewTab(robot, w, l, "08 Review");
            w.next();

            // A launch that succeeds moves on to Done by itself: the Launch step is checked when one rolls back, below;
            // here it is only pictured while it runs.
            w.expectStep(WizardStep.LAUNCH);
            w.screenshot("wizard-09-launch-light");
            w.expectStep(WizardStep.DONE);
            assertThat(w.state.outcomeProperty().get().succeeded()).as(w.state.outcomeProperty().get().message()).isTrue();
            l.check("10 Done");

                        l.assertWholeAndReadable();
            assertDisabledLooksDifferent(disabledBack, enabledNext);
        }
    }

    /** A blocked launch: FAIL findings, a disabled Launch, and after the fix an enabled one that does not look disabled. */
    @Test
    void aBlockedReviewAndItsFailingFindingsAreWholeAndReadable(FxRobot robot, LocalAws aws) {
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("research-data"));
        // The Habana image the fix offers, as a team would register it (the fixtures hold NVIDIA DLAMIs only).
        aws.clients().ec2(LocalAws.REGION).registerImage(r -> r.name(WizardAcceleratorUiTest.HABANA_NAME)
                .description("Habana Gaudi driver and SynapseAI 1.18.0, PyTorch 2.4.0, Ubuntu 22.04"));
        try (WizardDriver w = new WizardDriver(robot, stage, aws, home)) {
            Legibility l = legibility(robot);
            w.signIn();
            w.prefill(WizardLaunchFailuresUiTest.spec().toBuilder().instanceType("dl1.24xlarge").build(), WizardStep.AMI);
            WizardDriver.waitUntil(() -> w.state.images.get().stream().anyMatch(i -> i.name().equals(WizardAcceleratorUiTest.HABANA_NAME)),
                    "the images listed");
            robot.interact(() -> w.state.currentStepProperty().set(WizardStep.REVIEW));
            w.expectStep(WizardStep.REVIEW);
            Finding fail = w.review().checklist().finding(ImageFitsAcceleratorRule.ID).orElseThrow();
            assertThat(fail.status()).isEqualTo(Status.FAIL);
            assertThat(w.button("#nextButton").isDisabled()).as("Launch with a FAIL").isTrue();
            checkEveryReviewTab(robot, w, l, "08 Review, blocked");

            Map<Theme, ContrastScan.Measured> blocked = inBothThemes(robot, w, l, "#nextButton");
            w.showFinding(ImageFitsAcceleratorRule.ID);
            robot.interact(() -> w.button("#fix-" + ImageFitsAcceleratorRule.ID).fire());
            WizardDriver.waitUntil(() -> !w.button("#nextButton").isDisabled(), "Launch to be enabled by the fix");
            l.check("08 Review, fixed");
            Map<Theme, ContrastScan.Measured> launchable = inBothThemes(robot, w, l, "#nextButton");
            assertThat(launchable.get(Theme.DARK).text()).isEqualTo("Launch");
                        l.assertWholeAndReadable();
            assertDisabledLooksDifferent(blocked, launchable);
        }
    }

    /** The Launch step stays when a launch rolls back: its step list, log and rollback rows. */
    @Test
    void aRolledBackLaunchIsWholeAndReadable(FxRobot robot, LocalAws aws) {
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("research-data"));
        aws.endpoint().inject(Fault.on("ec2", "RunInstances").always().where("DryRun", null)
                .error(400, "InvalidParameterCombination", "The parameter combination is not supported"));
        try (WizardDriver w = new WizardDriver(robot, stage, aws, home)) {
            Legibility l = legibility(robot);
            w.signIn();
            w.prefill(WizardLaunchFailuresUiTest.spec(), WizardStep.REVIEW);
            w.review();
            w.next();
            w.expectStep(WizardStep.LAUNCH);
            WizardDriver.waitUntil(() -> w.state.outcomeProperty().get() != null, "the launch to end");
            assertThat(w.state.outcomeProperty().get().state()).isEqualTo(LaunchState.ROLLED_BACK);
            ListView<?> steps = w.node("#launchSteps", ListView.class);
            robot.interact(() -> steps.scrollTo(steps.getItems().size() - 1)); // the removal, step by step
            l.check("09 Launch, rolled back");
                        l.assertWholeAndReadable();
        }
    }

    /** Each tab of the review, with a checklist row selected as a click leaves it. */
    private static void checkEveryReviewTab(FxRobot robot, WizardDriver w, Legibility l, String where) {
        TabPane tabs = w.node("#reviewTabs", TabPane.class);
        @SuppressWarnings("unchecked")
        ListView<Finding> checklist = w.node("#checklistList", ListView.class);
        robot.interact(() -> {
            checklist.getSelectionModel().select(0);
            checklist.requestFocus();
        });
        l.check(where);
        for (Tab tab : tabs.getTabs().subList(1, tabs.getTabs().size())) {
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            l.check(where + ", " + tab.getText());
        }
        robot.interact(() -> tabs.getSelectionModel().select(0));
    }

    /** A button's colours in the light and the dark theme, as shown now. */
    private static Map<Theme, ContrastScan.Measured> inBothThemes(FxRobot robot, WizardDriver w, Legibility l, String query) {
        Map<Theme, ContrastScan.Measured> measured = new EnumMap<>(Theme.class);
        for (Theme theme : Theme.values()) {
            robot.interact(() -> w.window.themeProperty().set(theme));
            javafx.scene.control.Button b = w.button(query);
            measured.put(theme, l.measure(b, query + " · " + theme));
        }
        robot.interact(() -> w.window.themeProperty().set(Theme.LIGHT));
        return measured;
    }

    /** Greyed out, not merely another colour of the same weight: in each theme the disabled text has clearly less contrast. */
    private static void assertDisabledLooksDifferent(Map<Theme, ContrastScan.Measured> disabled, Map<Theme, ContrastScan.Measured> enabled) {
        for (Theme theme : Theme.values()) {
            ContrastScan.Measured off = disabled.get(theme);
            ContrastScan.Measured on = enabled.get(theme);
            assertThat(off.disabled()).as(off.toString()).isTrue();
            assertThat(on.disabled()).as(on.toString()).isFalse();
            assertThat(on.ratio()).as(on.toString()).isGreaterThanOrEqualTo(ContrastRatio.AA);
            assertThat(off.ratio()).as(off + "\n  looks too much like\n" + on).isLessThan(on.ratio() / 1.5);
        }
    }
}
