package dev.hangar.provision;

import dev.hangar.blueprint.LaunchNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.journal.LaunchState;
import dev.hangar.spec.Tenancy;
import dev.hangar.blueprint.IamPolicies;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.iam.IamClient;

/** A whole launch through the real SDK against the local endpoint, then everything read back. */
@ExtendWith(LocalAwsExtension.class)
class LaunchEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path home;
    private EngineFixture f;
    private LaunchOutcome outcome;
    private String launchId;

    @BeforeEach
    void launch(LocalAws aws) throws Exception {
        f = new EngineFixture(aws, home);
        outcome = f.launch(EngineFixture.spec().tenancy(Tenancy.DEDICATED).build());
        launchId = outcome.launchId();
    }

    private Ec2Client ec2() {
        return f.aws.clients().ec2(LocalAws.REGION);
    }

    private IamClient iam() {
        return f.aws.clients().iam();
    }

    @Test
    void theLaunchSucceedsAndSaysHowToConnect() {
        assertThat(outcome.state()).isEqualTo(LaunchState.SUCCEEDED);
        assertThat(outcome.outputs()).containsKeys("instanceId", "availabilityZone", "dataVolumeId");
        // The shell opens with the launch's own session document (as the login user, ended when idle).
        assertThat(outcome.outputs().get("connect")).isEqualTo("aws ssm start-session --target " + outcome.outputs().get("instanceId")
                + " --region us-east-1 --document-name hangar-" + launchId + "-shell");
        assertThat(f.journal.load(launchId).orElseThrow().state()).isEqualTo(LaunchState.SUCCEEDED);
    }

    @Test
    void shellsRunAsTheLoginUserAndEndWhenIdleWithoutTouchingTheAccountsPreferences() throws Exception {
        String name = "hangar-" + launchId + "-shell";
        var ssm = f.aws.clients().ssm(LocalAws.REGION);
        var doc = ssm.getDocument(r -> r.name(name));
        assertThat(doc.documentTypeAsString()).isEqualTo("Session");
        JsonNode inputs = JSON.readTree(doc.content()).get("inputs");
        assertThat(inputs.get("runAsEnabled").asBoolean()).isTrue();
        assertThat(inputs.get("runAsDefaultUser").asText()).as("the Ubuntu image's login user").isEqualTo("ubuntu");
        assertThat(inputs.get("idleSessionTimeout").asText()).isEqualTo("20");
        assertThat(ssm.listTagsForResource(r -> r.resourceType("Document").resourceId(name)).tagList())
                .anyMatch(t -> t.key().equals("hangar:launch-id") && t.value().equals(launchId));
        assertThat(outcome.outputs().get("sessionDocument")).isEqualTo(name);
        assertThat(f.aws.endpoint().requests("ssm", "UpdateDocument")).as("the region's SSM-SessionManagerRunShell is left alone").isEmpty();
    }

    @Test
    void theRoleTrustsOnlyEc2AndReachesOnlyTheBucketPrefix() throws Exception {
        String role = new LaunchNames(launchId).roleName();
        String trust = URLDecoder.decode(iam().getRole(r -> r.roleName(role)).role().assumeRolePolicyDocument(), StandardCharsets.UTF_8);
        assertThat(JSON.readTree(trust).at("/Statement/0/Principal/Service").asText()).isEqualTo("ec2.amazonaws.com");

        String doc = URLDecoder.decode(iam().getRolePolicy(r -> r.roleName(role).policyName("hangar-s3-data-access")).policyDocument(), StandardCharsets.UTF_8);
        for (JsonNode statement : JSON.readTree(doc).get("Statement")) {
            List<String> resources = statement.get("Resource").isArray()
                    ? java.util.stream.StreamSupport.stream(statement.get("Resource").spliterator(), false).map(JsonNode::asText).toList()
                    : List.of(statement.get("Resource").asText());
            assertThat(resources).as("resources of %s", statement.get("Sid")).doesNotContain("*")
                    .allMatch(r -> r.startsWith("arn:aws:s3:::research-data"));
        }
        assertThat(doc).contains("arn:aws:s3:::research-data/train/*").contains("\"s3:prefix\"");

        assertThat(iam().listAttachedRolePolicies(r -> r.roleName(role)).attachedPolicies()).extracting(p -> p.policyName())
                .containsExactly("AmazonSSMManagedInstanceCore");
        String agent = URLDecoder.decode(iam().getRolePolicy(r -> r.roleName(role).policyName("hangar-cloudwatch-agent")).policyDocument(),
                StandardCharsets.UTF_8);
        assertThat(JSON.readTree(agent)).isEqualTo(JSON.readTree(IamPolicies.cloudWatchAgentPolicy()));
        assertThat(JSON.readTree(doc).at("/Statement/0/Condition/StringEquals/aws:ResourceAccount").asText())
                .as("the grant holds only for the caller's own bucket").isEqualTo(LocalAws.ACCOUNT_ID);
        assertThat(iam().getInstanceProfile(r -> r.instanceProfileName(role)).instanceProfile().roles()).extracting(r -> r.roleName())
                .containsExactly(role);
    }

    @Test
    void theSecurityGroupOpensNothingInboundAndOnlyWebOutbound() {
        SecurityGroup sg = ec2().describeSecurityGroups(r -> r.filters(EngineFixture.tag(launchId))).securityGroups().get(0);
        assertThat(sg.ipPermissions()).isEmpty();
        assertThat(sg.ipPermissionsEgress()).extracting(p -> p.ipProtocol() + ":" + p.fromPort()).containsExactlyInAnyOrder("tcp:80", "tcp:443");
        assertThat(sg.groupName()).isEqualTo("hangar-" + launchId).isNotEqualTo("default");
    }

    @Test
    void theInstanceHasEverySecuritySetting() {
        Instance i = f.instance(outcome.outputs().get("instanceId"));
        assertThat(i.metadataOptions().httpTokensAsString()).isEqualTo("required");
        assertThat(i.metadataOptions().httpPutResponseHopLimit()).isEqualTo(1);
        assertThat(i.monitoring().stateAsString()).isIn("enabled", "pending");
        assertThat(i.ebsOptimized()).isTrue();
        assertThat(i.iamInstanceProfile().arn()).endsWith("/hangar-" + launchId);
        assertThat(i.publicIpAddress()).isNull();
        assertThat(i.instanceTypeAsString()).isEqualTo("g5.xlarge");
        assertThat(i.placement().availabilityZone()).isEqualTo(outcome.outputs().get("availabilityZone"));
    }

    @Test
    void rootAndDataVolumesAreEncryptedGp3AndTheDataVolumeIsAtSdhInTheInstancesZone() {
        String instanceId = outcome.outputs().get("instanceId");
        List<Volume> volumes = ec2().describeVolumes(r -> r.filters(f.tag(launchId))).volumes();
        assertThat(volumes).hasSize(2).allMatch(Volume::encrypted).allMatch(v -> v.volumeTypeAsString().equals("gp3"));
        Volume data = volumes.stream().filter(v -> v.volumeId().equals(outcome.outputs().get("dataVolumeId"))).findFirst().orElseThrow();
        assertThat(data.size()).isEqualTo(100);
        assertThat(data.availabilityZone()).isEqualTo(outcome.outputs().get("availabilityZone"));
        assertThat(data.attachments()).singleElement().satisfies(a -> {
            assertThat(a.instanceId()).isEqualTo(instanceId);
            assertThat(a.device()).isEqualTo("/dev/sdh");
        });
    }

    @Test
    void everyResourceCarriesTheLaunchTags() {
        Map<String, String> expected = Map.of("hangar:launch-id", launchId, "hangar:name", "llama", "project", "nlp");
        Instance i = f.instance(outcome.outputs().get("instanceId"));
        assertThat(ec2Tags(i.tags())).containsAllEntriesOf(expected);
        ec2().describeVolumes(r -> r.filters(f.tag(launchId))).volumes().forEach(v -> assertThat(ec2Tags(v.tags())).containsAllEntriesOf(expected));
        SecurityGroup sg = ec2().describeSecurityGroups(r -> r.filters(f.tag(launchId))).securityGroups().get(0);
        assertThat(ec2Tags(sg.tags())).containsAllEntriesOf(expected);
        String iamName = "hangar-" + launchId;
        assertThat(iam().listRoleTags(r -> r.roleName(iamName)).tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value())))
                .containsAllEntriesOf(expected);
        assertThat(iam().getInstanceProfile(r -> r.instanceProfileName(iamName)).instanceProfile().tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value())))
                .containsAllEntriesOf(expected);
        var cw = f.aws.clients().cloudWatch(LocalAws.REGION);
        var alarm = cw.describeAlarms(r -> r.alarmNames(new LaunchNames(launchId).idleAlarmName())).metricAlarms().get(0);
        assertThat(cw.listTagsForResource(r -> r.resourceARN(alarm.alarmArn())).tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value())))
                .containsAllEntriesOf(expected);
    }

    @Test
    void theIdleAlarmStopsTheInstance() {
        var alarm = f.aws.clients().cloudWatch(LocalAws.REGION).describeAlarms(r -> r.alarmNames(new LaunchNames(launchId).idleAlarmName()))
                .metricAlarms().get(0);
        assertThat(alarm.alarmActions()).containsExactly("arn:aws:automate:us-east-1:ec2:stop");
        // Issue 15 (1): CPU and the busiest GPU, as metric math.
        assertThat(alarm.metrics()).filteredOn(q -> q.metricStat() != null).extracting(q -> q.metricStat().metric().metricName())
                .containsExactly("CPUUtilization", "nvidia_smi_utilization_gpu");
        assertThat(alarm.metrics().get(0).metricStat().period() * alarm.evaluationPeriods()).isEqualTo(60 * 60);
        assertThat(alarm.metrics().get(0).metricStat().metric().dimensions()).extracting(d -> d.value())
                .containsExactly(outcome.outputs().get("instanceId"));
    }

    @Test
    void dedicatedTenancyAndAClientTokenWereSent() {
        List<RecordedRequest> runs = f.aws.endpoint().requests("ec2", "RunInstances").stream().filter(r -> !r.isDryRun()).toList();
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).param("Placement.Tenancy")).isEqualTo("dedicated");
        assertThat(runs.get(0).param("ClientToken")).startsWith(launchId + "-us-east-1");
        assertThat(runs.get(0).param("MetadataOptions.HttpTokens")).isEqualTo("required");
        assertThat(runs.get(0).param("BlockDeviceMapping.1.Ebs.Encrypted")).isEqualTo("true");
    }

    @Test
    void theJournalNamesEveryResourceAsCreated() {
        var record = f.journal.load(launchId).orElseThrow();
        assertThat(record.resources()).allMatch(r -> r.state().equals("created"));
        assertThat(record.resources()).extracting(r -> r.type()).contains("iam-role", "instance-profile", "security-group", "instance", "volume",
                "volume-attachment", "alarm");
        assertThat(record.steps()).allMatch(s -> s.state() == dev.hangar.journal.StepState.DONE);
    }

    private static Map<String, String> ec2Tags(List<software.amazon.awssdk.services.ec2.model.Tag> tags) {
        return tags.stream().collect(Collectors.toMap(t -> t.key(), t -> t.value()));
    }
}
