package dev.hangar.export;

import dev.hangar.blueprint.Version;
import dev.hangar.blueprint.Blueprint;
import static dev.hangar.export.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hangar.blueprint.IamPolicies;
import dev.hangar.blueprint.UserData;
import dev.hangar.spec.LaunchSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CloudFormationExportTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<LaunchSpec> specs() {
        return Stream.of(ssm(), sshSpot(), ipv6AllEgress(), nasty());
    }

    static String export(Blueprint stack) {
        return new CloudFormationExporter().export(ExportInput.of(stack));
    }

    static JsonNode parse(LaunchSpec spec) throws Exception {
        return YAML.readTree(export(Blueprint.of(spec)));
    }

    static Map<String, String> tags(JsonNode list) {
        Map<String, String> out = new LinkedHashMap<>();
        list.forEach(t -> out.put(t.get("Key").asText(), t.get("Value").asText()));
        return out;
    }

    private static JsonNode ref(String name) {
        return JSON.createObjectNode().put("Ref", name);
    }

    private static JsonNode getAtt(String resource, String attribute) {
        JsonNode n = JSON.createObjectNode();
        ((com.fasterxml.jackson.databind.node.ObjectNode) n).putArray("Fn::GetAtt").add(resource).add(attribute);
        return n;
    }

    @ParameterizedTest
    @MethodSource("specs")
    void aPlainYamlParserReadsItAndEveryResourceIsThere(LaunchSpec spec) throws Exception {
        String text = export(Blueprint.of(spec));
        JsonNode t = YAML.readTree(text);

        assertThat(text).doesNotContain("!Ref").doesNotContain("!GetAtt").doesNotContain("!Sub").doesNotContain("!Base64");
        assertThat(t.get("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
        Map<String, String> types = new LinkedHashMap<>();
        t.get("Resources").properties().forEach(e -> types.put(e.getKey(), e.getValue().get("Type").asText()));
        assertThat(types).containsEntry("InstanceRole", "AWS::IAM::Role").containsEntry("InstanceProfile", "AWS::IAM::InstanceProfile")
                .containsEntry("SecurityGroup", "AWS::EC2::SecurityGroup").containsEntry("LaunchTemplate", "AWS::EC2::LaunchTemplate")
                .containsEntry("Instance", "AWS::EC2::Instance").containsEntry("DataVolume", "AWS::EC2::Volume")
                .containsEntry("DataVolumeAttachment", "AWS::EC2::VolumeAttachment");
        assertThat(types.containsKey("IdleStopAlarm")).isEqualTo(spec.idleStopMinutes() > 0);
        assertThat(types.containsKey("KeyPair")).isEqualTo(spec.createKeyPair());
    }

    @ParameterizedTest
    @MethodSource("specs")
    void everyTemplateCarriesTheSecuritySettings(LaunchSpec spec) throws Exception {
        JsonNode r = parse(spec).get("Resources");
        Blueprint stack = Blueprint.of(spec);

        JsonNode metadata = r.at("/LaunchTemplate/Properties/LaunchTemplateData/MetadataOptions");
        assertThat(metadata.get("HttpTokens").asText()).isEqualTo("required");
        assertThat(metadata.get("HttpPutResponseHopLimit").asInt()).isEqualTo(1);
        assertThat(metadata.get("HttpEndpoint").asText()).isEqualTo("enabled");
        JsonNode instance = r.at("/Instance/Properties");
        assertThat(instance.at("/LaunchTemplate/LaunchTemplateId")).isEqualTo(ref("LaunchTemplate"));
        assertThat(instance.at("/LaunchTemplate/Version")).isEqualTo(getAtt("LaunchTemplate", "LatestVersionNumber"));
        assertThat(instance.get("Monitoring").asBoolean()).isTrue();
        assertThat(instance.get("EbsOptimized").asBoolean()).isTrue();
        assertThat(instance.get("Tenancy").asText()).isEqualTo(spec.tenancy().wireName());
        assertThat(instance.get("ImageId").asText()).isEqualTo(spec.amiId());
        assertThat(instance.get("IamInstanceProfile")).isEqualTo(ref("InstanceProfile"));
        JsonNode root = instance.at("/BlockDeviceMappings/0");
        assertThat(root.get("DeviceName")).isEqualTo(ref("RootDeviceName"));
        assertThat(root.at("/Ebs/Encrypted").asBoolean()).isTrue();
        assertThat(root.at("/Ebs/VolumeType").asText()).isEqualTo("gp3");
        assertThat(root.at("/Ebs/VolumeSize").asInt()).isEqualTo(spec.rootVolumeGiB());
        assertThat(instance.at("/UserData/Fn::Base64").asText()).isEqualTo(UserData.script());
        JsonNode nic = instance.at("/NetworkInterfaces/0");
        assertThat(nic.get("AssociatePublicIpAddress").asBoolean()).isEqualTo(spec.associatePublicIp());
        assertThat(nic.at("/GroupSet/0")).isEqualTo(getAtt("SecurityGroup", "GroupId"));
        assertThat(tags(instance.get("Tags"))).isEqualTo(stack.tags());

        JsonNode volume = r.at("/DataVolume/Properties");
        assertThat(volume.get("Encrypted").asBoolean()).isTrue();
        assertThat(volume.get("VolumeType").asText()).isEqualTo("gp3");
        assertThat(volume.get("Size").asInt()).isEqualTo(spec.dataVolumeGiB());
        assertThat(volume.get("AvailabilityZone")).isEqualTo(getAtt("Instance", "AvailabilityZone"));
        assertThat(tags(volume.get("Tags"))).isEqualTo(stack.dataVolume().tags());
        assertThat(r.at("/DataVolumeAttachment/Properties/Device").asText()).isEqualTo("/dev/sdh");

        JsonNode role = r.at("/InstanceRole/Properties");
        assertThat(role.get("RoleName").asText()).isEqualTo(stack.iam().roleName());
        assertThat(role.get("AssumeRolePolicyDocument")).isEqualTo(JSON.readTree(IamPolicies.trustPolicy()));
        assertThat(role.at("/Policies/0/PolicyName").asText()).isEqualTo("hangar-s3-data-access");
        assertThat(role.at("/Policies/0/PolicyDocument")).isEqualTo(JSON.readTree(IamPolicies.dataAccessPolicy(spec)));
        List<String> arns = new ArrayList<>();
        role.get("ManagedPolicyArns").forEach(a -> arns.add(a.asText()));
        assertThat(arns).isEqualTo(IamPolicies.managedPolicyArns(spec));
        assertThat(tags(role.get("Tags"))).isEqualTo(stack.tags());
        assertThat(r.at("/InstanceProfile/Properties/Roles/0")).isEqualTo(ref("InstanceRole"));
    }

    @Test
    void ssmHasNoIngressAndEgressReplacesTheDefault() throws Exception {
        JsonNode t = parse(ssm());
        JsonNode sg = t.at("/Resources/SecurityGroup/Properties");

        assertThat(sg.has("SecurityGroupIngress")).isFalse();
        assertThat(sg.get("SecurityGroupEgress")).hasSize(2);
        assertThat(sg.at("/SecurityGroupEgress/1/FromPort").asInt()).isEqualTo(443);
        assertThat(sg.get("VpcId")).isEqualTo(ref("VpcId"));
        assertThat(t.at("/Parameters/VpcId/Type").asText()).isEqualTo("AWS::EC2::VPC::Id");
        assertThat(t.at("/Parameters").has("SubnetId")).isFalse();
        assertThat(t.at("/Resources/Instance/Properties/NetworkInterfaces/0").has("SubnetId")).isFalse();
        assertThat(t.at("/Resources/Instance/Properties/KeyName").asText()).isEqualTo("my-key");
        assertThat(t.at("/Outputs/Connect/Value/Fn::Sub").asText()).isEqualTo("aws ssm start-session --target ${Instance} --region us-east-1");
        JsonNode alarm = t.at("/Resources/IdleStopAlarm/Properties");
        assertThat(alarm.at("/Metrics/0/MetricStat/Period").asInt()).isEqualTo(60);
        assertThat(alarm.get("EvaluationPeriods").asInt()).isEqualTo(60);
        assertThat(alarm.get("Threshold").asDouble()).isEqualTo(5.0);
        assertThat(alarm.at("/Metrics/1/MetricStat/Metric/Dimensions/0/Value")).isEqualTo(ref("Instance"));
        assertThat(alarm.at("/Metrics/2/Expression").asText()).isEqualTo("MAX([cpu, FILL(gpu, 100)])");
        assertThat(t.at("/Resources/IdleStopNoGpuDataAlarm/Properties/EvaluationPeriods").asInt()).isEqualTo(180);
        assertThat(alarm.at("/AlarmActions/0").asText()).isEqualTo("arn:aws:automate:us-east-1:ec2:stop");
    }

    @Test
    void sshSpotUsesItsSubnetKeyPairAndSpotOptions() throws Exception {
        JsonNode t = parse(sshSpot());
        JsonNode r = t.get("Resources");

        assertThat(r.at("/SecurityGroup/Properties/SecurityGroupIngress")).hasSize(1);
        assertThat(r.at("/SecurityGroup/Properties/SecurityGroupIngress/0/CidrIp").asText()).isEqualTo("203.0.113.7/32");
        assertThat(r.at("/SecurityGroup/Properties/SecurityGroupIngress/0/FromPort").asInt()).isEqualTo(22);
        assertThat(t.at("/Parameters/SubnetId/Default").asText()).isEqualTo(SUBNET);
        assertThat(r.at("/Instance/Properties/NetworkInterfaces/0/SubnetId")).isEqualTo(ref("SubnetId"));
        assertThat(r.at("/Instance/Properties/AvailabilityZone").asText()).isEqualTo("us-east-1b");
        assertThat(r.at("/Instance/Properties/KeyName")).isEqualTo(ref("KeyPair"));
        assertThat(r.at("/KeyPair/Properties/KeyType").asText()).isEqualTo("ed25519");
        assertThat(r.at("/Instance/Properties/InstanceInitiatedShutdownBehavior").asText()).isEqualTo("stop");
        JsonNode market = r.at("/LaunchTemplate/Properties/LaunchTemplateData/InstanceMarketOptions");
        assertThat(market.get("MarketType").asText()).isEqualTo("spot");
        assertThat(market.at("/SpotOptions/SpotInstanceType").asText()).isEqualTo("persistent");
        assertThat(r.at("/IdleStopAlarm/Properties/Metrics/0/MetricStat/Period").asInt()).isEqualTo(3600);
        assertThat(r.at("/IdleStopAlarm/Properties/EvaluationPeriods").asInt()).isEqualTo(34);
    }

    @Test
    void ipv6SshAndAllEgressKeepTheDefaultOutboundRule() throws Exception {
        JsonNode sg = parse(ipv6AllEgress()).at("/Resources/SecurityGroup/Properties");

        assertThat(sg.at("/SecurityGroupIngress/0/CidrIpv6").asText()).isEqualTo("2001:db8::/64");
        assertThat(sg.at("/SecurityGroupIngress/0").has("CidrIp")).isFalse();
        assertThat(sg.has("SecurityGroupEgress")).isFalse();
    }

    @Test
    void aKnownRootDeviceBecomesTheParameterDefault() throws Exception {
        JsonNode t = YAML.readTree(export(Blueprint.of(ssm(), null, "/dev/sda1")));
        assertThat(t.at("/Parameters/RootDeviceName/Default").asText()).isEqualTo("/dev/sda1");
        assertThat(parse(ssm()).at("/Parameters/RootDeviceName").has("Default")).isFalse();
    }
}
