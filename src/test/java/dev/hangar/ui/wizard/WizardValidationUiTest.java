package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.auth.SessionOpener;
import dev.hangar.aws.AwsClients;
import dev.hangar.aws.AwsSettings;
import dev.hangar.spec.LaunchSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
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
 * Issue 17: on every form step a validation message waits until its field is touched or Next is pressed, names the
 * control as the screen labels it, never a JSON field, and appears and goes without moving anything below it. At the
 * window's minimum size, plan-only (no AWS endpoint is needed for the steps' fields).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WizardValidationUiTest {

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
            stage.setWidth(900);
            stage.setHeight(600);
        });
        WizardDriver.waitUntil(() -> w.state.planOnlyReasonProperty().get() != null, "plan-only mode");
        return w;
    }

    private static LaunchSpec spec() {
        return LaunchSpec.builder().name("llama").region("us-east-1").amiId("ami-0123456789abcdef0").instanceType("g5.xlarge")
                .dataBucket("research-data").build();
    }

    @Test
    void accessMessagesWaitForATouchOrNextAndMoveNothing(FxRobot robot) {
        try (WizardDriver w = open(robot)) {
            w.prefill(spec(), WizardStep.ACCESS);
            robot.clickOn("#sshRadio");
            TextField cidr = w.node("#cidrField", TextField.class);
            WizardDriver.waitUntil(() -> (WizardDriver.DETECTED_IP + "/32").equals(cidr.getText()), "the detected address");
            assertThat(w.fieldMessages()).as("nothing touched yet, though the key pair is missing").isEmpty();
            List<String> below = List.of("#anywhereCheck", "#existingKeyRadio", "#keyPairChoice", "#newKeyField", "#privateRadio",
                    "#publicHint");
            Map<String, Bounds> before = bounds(w, below);
            Map<String, Bounds> beforeInForm = inForm(w, below);

            robot.doubleClickOn(cidr).eraseText(cidr.getText().length()).write("203.0.113.7/24");
            assertThat(w.text("#cidrError")).as("not while typing").isEmpty();
            robot.clickOn("#newKeyField");
            assertShown(w, "#cidrError", "Allowed address (CIDR): 203.0.113.7/24 has host bits set; did you mean 203.0.113.0/24?");
            assertThat(w.text("#keyError")).as("the key pair is being filled in, not left").isEmpty();
            assertThat(bounds(w, below)).as("the address's message moved nothing").isEqualTo(before);
            robot.interact(() -> cidr.setText("0.0.0.0/0"));
            assertShown(w, "#cidrError", "Allowed address (CIDR): this lets the whole internet try to connect: use your own address "
                    + "(…/32), or tick 'Allow SSH from anywhere'");
            assertThat(bounds(w, below)).as("nor a message of two lines").isEqualTo(before);
            robot.interact(() -> cidr.setText("203.0.113.7/32"));
            WizardDriver.waitUntil(() -> w.text("#cidrError").isEmpty(), "the address's message to go");
            assertThat(bounds(w, below)).as("nor did its going").isEqualTo(before);

            robot.clickOn("#nextButton");
            assertThat(w.state.currentStep()).isEqualTo(WizardStep.ACCESS);
            assertShown(w, "#keyError", "Key pair: choose an existing key pair, or pick 'New, named' and type a name");
            assertThat(w.fieldMessages()).hasSize(1);
            assertThat(inForm(w, below)).as("the key pair's message moved nothing").isEqualTo(beforeInForm);
            assertVisible(w, "#keyError");
            w.screenshot("05f-access-next-pressed");
            robot.clickOn("#newKeyRadio").clickOn("#newKeyField").write("lab-key");
            WizardDriver.waitUntil(() -> w.text("#keyError").isEmpty(), "the key pair's message to go once it is typed");
            assertThat(inForm(w, below)).isEqualTo(beforeInForm);
            w.next();
            w.expectStep(WizardStep.DATA);
        }
    }

    @Test
    void dataAndOptionsMessagesNameTheirLabelsAndMoveNothing(FxRobot robot) {
        try (WizardDriver w = open(robot)) {
            w.prefill(spec().toBuilder().dataBucket(null).build(), WizardStep.DATA);
            assertThat(w.fieldMessages()).as("an empty bucket says nothing before it is touched").isEmpty();
            List<String> below = List.of("#readOnlyRadio", "#prefixField", "#dataVolumeSpinner", "#rootVolumeSpinner", "#keepDataVolumeCheck");
            Map<String, Bounds> before = bounds(w, below);
            robot.clickOn(w.node("#bucketChoice", javafx.scene.control.ComboBox.class).getEditor()).clickOn("#prefixField").write("/train");
            assertShown(w, "#bucketError", "S3 bucket: choose a bucket, or type its name");
            robot.clickOn(w.node("#dataVolumeSpinner", javafx.scene.control.Spinner.class).getEditor());
            assertShown(w, "#prefixError", "Prefix: must not start with '/' (S3 keys are relative to the bucket)");
            assertThat(bounds(w, below)).as("two messages moved nothing").isEqualTo(before);
            w.screenshot("06b-data-messages");
            robot.interact(() -> {
                w.node("#bucketChoice", javafx.scene.control.ComboBox.class).getEditor().setText("research-data");
                w.node("#prefixField", TextField.class).setText("train/");
            });
            WizardDriver.waitUntil(() -> w.fieldMessages().isEmpty(), "the messages to go");
            assertThat(bounds(w, below)).as("nor did their going").isEqualTo(before);
            assertInWindow(w, "#keepDataVolumeCheck");
            w.next();

            w.expectStep(WizardStep.OPTIONS);
            List<String> optionsBelow = List.of("#sharedRadio", "#idleSpinner", "#egressChoice", "#tagsArea");
            Map<String, Bounds> options = bounds(w, optionsBelow);
            TextField name = w.node("#nameField", TextField.class);
            robot.doubleClickOn(name).eraseText(name.getText().length()).write("Llama");
            robot.clickOn("#tagsArea").write("team");
            assertShown(w, "#nameError", "Name: may contain only lowercase letters, digits and '-', not \"Llama\"");
            robot.clickOn(name);
            assertShown(w, "#tagsError", "Tags: line 1 (\"team\") is not key=value");
            assertThat(bounds(w, optionsBelow)).isEqualTo(options);
            w.screenshot("07b-options-messages");
            assertInWindow(w, "#tagsError");
        }
    }

    @Test
    void pressingNextOnAnEmptyStepSaysWhatToChoose(FxRobot robot) {
        try (WizardDriver w = open(robot)) {
            w.prefill(spec().toBuilder().amiId(null).build(), WizardStep.AMI);
            assertThat(w.text("#amiError")).isEmpty();
            Map<String, Bounds> tree = bounds(w, List.of("#amiTree", "#amiIdField"));
            robot.clickOn("#nextButton");
            assertThat(w.state.currentStep()).isEqualTo(WizardStep.AMI);
            assertShown(w, "#amiError", "Image ID: choose an image in the list, or type an ID like ami-0123456789abcdef0");
            assertThat(w.node("#amiTree", Node.class).isFocused()).as("focus goes to the list to choose from").isTrue();
            assertThat(bounds(w, List.of("#amiTree", "#amiIdField"))).as("the list above keeps its size").isEqualTo(tree);
        }
    }

    /** The message shows whole (two lines at most at the minimum width), and its label is on the step as the screen says it. */
    private static void assertShown(WizardDriver w, String id, String message) {
        WizardDriver.waitUntil(() -> !w.text(id).isEmpty(), id);
        Label area = w.node(id, Label.class);
        assertThat(area.getText()).isEqualTo(message);
        TouchedFieldsTest.assertPlain(message);
        assertThat(((Text) area.lookup(".text")).getText()).as(id + " not cut off").isEqualTo(message);
        String label = message.substring(0, message.indexOf(": "));
        assertThat(w.robot.lookup((Labeled l) -> l != area && l.isVisible() && l.getText() != null && l.getText().startsWith(label)).tryQuery())
                .as("'" + label + "' is a label on the step").isPresent();
    }

    /** The step does not scroll: what is below its last message must still be inside the window at its minimum size. */
    private static void assertInWindow(WizardDriver w, String id) {
        Node n = w.node(id, Node.class);
        Node content = w.node("#content", Node.class);
        assertThat(n.localToScene(n.getLayoutBounds()).getMaxY()).as(id + " inside the step's area")
                .isLessThanOrEqualTo(content.localToScene(content.getLayoutBounds()).getMaxY());
    }

    /** Pressing Next scrolls the first message into view: it is inside the scroll pane's viewport. */
    private static void assertVisible(WizardDriver w, String id) {
        Node n = w.node(id, Node.class);
        Node viewport = w.node("#accessScroll", Node.class);
        Bounds at = n.localToScene(n.getLayoutBounds());
        Bounds view = viewport.localToScene(viewport.getLayoutBounds());
        assertThat(at.getMinY()).as(id + " below the top of the view").isGreaterThanOrEqualTo(view.getMinY());
        assertThat(at.getMaxY()).as(id + " above the bottom of the view").isLessThanOrEqualTo(view.getMaxY());
    }

    /** Where the controls sit in the step's form, whatever its scroll pane shows of it. */
    private static Map<String, Bounds> inForm(WizardDriver w, List<String> ids) {
        Node form = w.robot.lookup("#content .step-form").query();
        Map<String, Bounds> out = new LinkedHashMap<>();
        bounds(w, ids).forEach((id, b) -> out.put(id, form.sceneToLocal(b)));
        return out;
    }

    private static Map<String, Bounds> bounds(WizardDriver w, List<String> ids) {
        Map<String, Bounds> out = new LinkedHashMap<>();
        for (String id : ids) {
            Node n = w.node(id, Node.class);
            // Layout bounds: the focus ring widens a control's local bounds without moving it.
            out.put(id, n.localToScene(n.getLayoutBounds()));
        }
        return out;
    }
}
