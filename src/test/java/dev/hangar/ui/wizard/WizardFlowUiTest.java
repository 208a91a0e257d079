package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Volume;

/** Drives the whole wizard from Account to Done against the local endpoint, and checks what was created. */
@Tag("ui")
@ExtendWith({LocalAwsExtension.class, ApplicationExtension.class})
class WizardFlowUiTest {

    private Stage stage;
    @TempDir Path home;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void launchesFromAccountToDone(FxRobot robot, LocalAws aws) throws Exception {
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("research-data"));
        try (WizardDriver w = new WizardDriver(robot, stage, aws, home)) {
            w.signIn();
            assertThat(w.text("#accountStatus")).contains(LocalAws.ACCOUNT_ID);
            w.screenshot("01-account");
            w.next();

            w.expectStep(WizardStep.REGION);
            assertThat(w.text("#bannerText")).contains("Account " + LocalAws.ACCOUNT_ID).contains("arn:aws");
            WizardDriver.waitUntil(() -> !w.node("#regionList", ListView.class).getItems().isEmpty(), "regions");
            assertThat(w.state.region.get()).isEqualTo("us-east-1");
            w.screenshot("02-region");
            w.next();

            w.expectStep(WizardStep.INSTANCE_TYPE);
            TableView<?> types = w.waitForGpuTypes();
            w.screenshot("03-gpu-type");
            robot.clickOn("#typeFilter").write("g5.xlarge");
            WizardDriver.waitUntil(() -> types.getItems().size() == 1, "filter to g5.xlarge");
            robot.clickOn(robot.lookup(".table-cell").lookup((javafx.scene.control.Labeled l) -> "g5.xlarge".equals(l.getText())).queryLabeled());
            assertThat(w.state.instanceType.get()).isEqualTo("g5.xlarge");
            w.next();

            w.expectStep(WizardStep.AMI);
            WizardDriver.waitUntil(() -> robot.lookup(".tree-table-cell").lookup((javafx.scene.control.Labeled l)
                    -> Fixtures.PYTORCH_UBUNTU_AMI.equals(l.getText())).tryQuery().isPresent(), "Deep Learning AMIs");
            robot.clickOn(robot.lookup(".tree-table-cell").lookup((javafx.scene.control.Labeled l)
                    -> Fixtures.PYTORCH_UBUNTU_AMI.equals(l.getText())).queryLabeled());
            assertThat(w.state.amiId.get()).isEqualTo(Fixtures.PYTORCH_UBUNTU_AMI);
            assertThat(w.text("#amiWarning")).contains("days old"); // every fixture image is past 90 days by now
            w.screenshot("04-ami");
            w.next();

            w.expectStep(WizardStep.ACCESS);
            assertThat(w.state.access.get().wireName()).isEqualTo("ssm");
            w.screenshot("05-access");
            w.next();

            w.expectStep(WizardStep.DATA);
            ComboBox<?> buckets = w.node("#bucketChoice", ComboBox.class);
            WizardDriver.waitUntil(() -> buckets.getItems().contains("research-data"), "buckets");
            robot.interact(buckets::show);
            robot.clickOn(robot.lookup(".list-cell").lookup((javafx.scene.control.Labeled l) -> "research-data".equals(l.getText())).queryLabeled());
            WizardDriver.waitUntil(() -> w.text("#bucketPosture").contains("Default encryption"), "bucket posture");
            robot.clickOn("#prefixField").write("train/");
            robot.doubleClickOn(w.node("#dataVolumeSpinner", javafx.scene.control.Spinner.class).getEditor()).write("50");
            w.screenshot("06-data");
            w.next();

            w.expectStep(WizardStep.OPTIONS);
            TextField name = w.node("#nameField", TextField.class);
            robot.doubleClickOn(name).eraseText(name.getText().length()).write("llama-ui");
            robot.clickOn("#dedicatedRadio");
            robot.clickOn("#tagsArea").write("project=nlp");
            w.screenshot("07-options");
            w.next();

            w.expectStep(WizardStep.RUN);
            assertThat(w.node("#noRunRadio", javafx.scene.control.RadioButton.class).isSelected()).as("no run unless asked").isTrue();
            w.next();

            w.expectStep(WizardStep.REVIEW);
            WizardDriver.waitUntil(() -> w.state.review.get() != null, "the review");
            assertThat(w.state.review.get().launchable()).as(w.text("#launchBlockedReason")).isTrue();
            assertThat(w.button("#nextButton").getText()).isEqualTo("Launch");
            w.screenshot("08-review");
            robot.clickOn("IAM policy");
            w.screenshot("08b-review-policy");
            robot.clickOn("Export");
            robot.clickOn("#export-terraform");
            WizardDriver.waitUntil(() -> w.text("#exportStatus").startsWith("Saved"), "Terraform export");
            assertThat(Files.readString(w.exports.resolve("main.tf"))).contains("research-data");
            robot.clickOn("#export-evidence-html");
            WizardDriver.waitUntil(() -> Files.exists(w.exports.resolve("hangar-evidence.html")), "evidence export");
            w.next();

            w.expectStep(WizardStep.LAUNCH);
            w.screenshot("09-launch");
            // A launch that succeeds moves on to Done by itself: nothing is left to do on the Launch step.
            w.expectStep(WizardStep.DONE);
            assertThat(w.state.outcomeProperty().get().succeeded()).as(w.state.outcomeProperty().get().message()).isTrue();
            var outputs = w.state.outcomeProperty().get().outputs();
            assertThat(w.node("#connectCommand", TextField.class).getText()).startsWith("aws ssm start-session --target " + outputs.get("instanceId"));
            assertThat(w.button("#openMonitorButton").isDisabled()).as("the monitor is there").isFalse();
            assertThat(w.button("#backButton").isDisabled()).isTrue();
            w.screenshot("10-done");
            robot.clickOn("#copyInstanceId");
            assertThat(w.button("#copyInstanceId").getText()).as("Copy says it did").isEqualTo("Copied");
            robot.interact(() -> assertThat(javafx.scene.input.Clipboard.getSystemClipboard().getString()).isEqualTo(outputs.get("instanceId")));
            WizardDriver.waitUntil(() -> "Copy".equals(w.button("#copyInstanceId").getText()), "Copy to say Copy again");
            robot.clickOn(robot.lookup("#stepList .step").lookup((javafx.scene.control.Labeled l) -> l.getText().endsWith("Review")).queryLabeled());
            assertThat(w.state.currentStep()).as("never back from Done").isEqualTo(WizardStep.DONE);

            assertResourcesAsSpecified(aws, outputs.get("instanceId"), outputs.get("dataVolumeId"));

            // Launch another: back to Region with the account and region kept, and a fresh spec otherwise.
            robot.clickOn("#launchAnotherButton");
            w.expectStep(WizardStep.REGION);
            assertThat(w.text("#bannerText")).contains("Account " + LocalAws.ACCOUNT_ID);
            assertThat(w.state.sessionProperty().get()).as("the account is kept").isNotNull();
            assertThat(w.state.region.get()).isEqualTo(LocalAws.REGION);
            assertThat(w.state.instanceType.get()).as("a fresh spec").isNull();
            assertThat(w.state.amiId.get()).isNull();
            assertThat(w.state.name.get()).isEqualTo("gpu-training");
            assertThat(w.state.outcomeProperty().get()).isNull();
            assertThat(w.button("#backButton").isDisabled()).as("Region's Back goes to Account").isFalse();
            w.next();
            w.expectStep(WizardStep.INSTANCE_TYPE);
            assertThat(types.getSelectionModel().getSelectedItem()).as("the last launch's type is not still selected").isNull();
            assertThat(w.text("#typeError")).as("a fresh spec: nothing of it touched yet, so nothing said").isEmpty();
            robot.clickOn(robot.lookup(".table-cell").lookup((javafx.scene.control.Labeled l) -> "g5.xlarge".equals(l.getText())).queryLabeled());
            assertThat(w.state.instanceType.get()).as("the same type can be chosen again").isEqualTo("g5.xlarge");
        }
    }

    private static void assertResourcesAsSpecified(LocalAws aws, String instanceId, String volumeId) {
        var ec2 = aws.clients().ec2(LocalAws.REGION);
        Instance instance = ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances().get(0);
        assertThat(instance.instanceTypeAsString()).isEqualTo("g5.xlarge");
        assertThat(instance.imageId()).isEqualTo(Fixtures.PYTORCH_UBUNTU_AMI);
        assertThat(instance.tags()).anyMatch(t -> t.key().equals("project") && t.value().equals("nlp"))
                .anyMatch(t -> t.key().equals("hangar:name") && t.value().equals("llama-ui"));
        // moto ignores Placement.Tenancy: the request itself says what was asked for.
        List<RecordedRequest> runs = aws.endpoint().requests("ec2", "RunInstances").stream().filter(r -> !r.isDryRun()).toList();
        assertThat(runs).isNotEmpty().allMatch(r -> "dedicated".equals(r.param("Placement.Tenancy")));
        var groups = instance.networkInterfaces().stream().flatMap(n -> n.groups().stream()).toList();
        assertThat(groups).isNotEmpty();
        var sg = ec2.describeSecurityGroups(r -> r.groupIds(groups.get(0).groupId())).securityGroups().get(0);
        assertThat(sg.ipPermissions()).as("SSM: no inbound rule").isEmpty();
        Volume data = ec2.describeVolumes(r -> r.volumeIds(volumeId)).volumes().get(0);
        assertThat(data.size()).isEqualTo(50);
        assertThat(data.encrypted()).isTrue();
        assertThat(data.attachments()).singleElement().satisfies(a -> {
            assertThat(a.device()).isEqualTo("/dev/sdh");
            assertThat(a.instanceId()).isEqualTo(instanceId);
        });
    }
}
