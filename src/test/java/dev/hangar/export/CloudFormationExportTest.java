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
        return Stream.of(ssm(), sshSpot(), ipv6AllEgress(), nasty(), isolated(), publicNetwork());
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
        assertThat(nic.get("AssociatePublicIpAddress").asBoolean()).isEqualTo(stack.instance().associatePublicIp());
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
        assertThat(sg.get("VpcId")).as("Hangar's private network, the stack's own").isEqualTo(ref("Vpc"));
        assertThat(t.at("/Parameters").has("VpcId")).isFalse();
        assertThat(t.at("/Parameters").has("SubnetId")).isFalse();
        assertThat(t.at("/Resources/Instance/Properties/NetworkInterfaces/0/SubnetId")).isEqualTo(ref("PrivateSubnet"));
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

    /** A template whose every Ref, GetAtt, DependsOn and FindInMap names something the template (or AWS) defines. */
    @ParameterizedTest
    @MethodSource("specs")
    void everyReferenceResolves(LaunchSpec spec) throws Exception {
        JsonNode t = parse(spec);
        List<String> defined = new ArrayList<>();
        t.get("Parameters").fieldNames().forEachRemaining(defined::add);
        t.get("Resources").fieldNames().forEachRemaining(defined::add);
        List<String> problems = new ArrayList<>();
        walk(t.get("Resources"), t, defined, problems);
        t.get("Resources").properties().forEach(e -> {
            JsonNode dependsOn = e.getValue().get("DependsOn");
            if (dependsOn != null && !t.get("Resources").has(dependsOn.asText())) {
                problems.add(e.getKey() + " depends on " + dependsOn);
            }
        });
        assertThat(problems).isEmpty();
    }

    private static void walk(JsonNode node, JsonNode t, List<String> defined, List<String> problems) {
        if (node.isObject()) {
            if (node.has("Ref") && !node.get("Ref").asText().startsWith("AWS::") && !defined.contains(node.get("Ref").asText())) {
                problems.add("Ref " + node.get("Ref"));
            }
            if (node.has("Fn::GetAtt") && !t.get("Resources").has(node.get("Fn::GetAtt").get(0).asText())) {
                problems.add("GetAtt " + node.get("Fn::GetAtt"));
            }
            if (node.has("Fn::FindInMap")) {
                JsonNode args = node.get("Fn::FindInMap");
                JsonNode map = t.at("/Mappings/" + args.get(0).asText());
                if (map.isMissingNode() || !map.elements().next().has(args.get(2).asText())) {
                    problems.add("FindInMap " + args);
                }
            }
            node.elements().forEachRemaining(child -> walk(child, t, defined, problems));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> walk(child, t, defined, problems));
        }
    }

    @Test
    void privateDeclaresTheVpcASubnetOutThroughANatAndTheS3GatewayEndpoint() throws Exception {
        String text = export(Blueprint.of(ssm()));
        JsonNode t = YAML.readTree(text);
        JsonNode r = t.get("Resources");
        Blueprint stack = Blueprint.of(ssm());

        assertThat(text).contains("# Hangar's network (private), as this stack's own. An export is a standalone stack");
        assertThat(r.at("/Vpc/Type").asText()).isEqualTo("AWS::EC2::VPC");
        assertThat(r.at("/Vpc/Properties/CidrBlock").asText()).isEqualTo("10.213.0.0/16");
        assertThat(r.at("/Vpc/Properties/EnableDnsSupport").asBoolean()).isTrue();
        assertThat(r.at("/Vpc/Properties/EnableDnsHostnames").asBoolean()).isTrue();
        JsonNode zone = t.at("/Parameters/AvailabilityZone");
        assertThat(zone.get("Type").asText()).isEqualTo("AWS::EC2::AvailabilityZone::Name");
        assertThat(zone.get("Default").asText()).isEqualTo("us-east-1a");

        JsonNode subnet = r.at("/PrivateSubnet/Properties");
        assertThat(subnet.get("AvailabilityZone")).isEqualTo(ref("AvailabilityZone"));
        assertThat(subnet.at("/CidrBlock/Fn::FindInMap/0").asText()).isEqualTo("SubnetCidrs");
        assertThat(subnet.at("/CidrBlock/Fn::FindInMap/1")).isEqualTo(ref("AvailabilityZone"));
        assertThat(subnet.at("/CidrBlock/Fn::FindInMap/2").asText()).isEqualTo("PrivateSubnet");
        assertThat(subnet.get("MapPublicIpOnLaunch").asBoolean()).isFalse();
        for (String z : List.of("us-east-1a", "us-east-1d", "us-east-1h")) {
            assertThat(t.at("/Mappings/SubnetCidrs/" + z + "/PrivateSubnet").asText()).isEqualTo(stack.network().subnetCidr("private-subnet", z));
            assertThat(t.at("/Mappings/SubnetCidrs/" + z + "/PublicSubnet").asText()).isEqualTo(stack.network().subnetCidr("public-subnet", z));
        }
        assertThat(r.at("/PrivateSubnetDefaultRoute/Properties/DestinationCidrBlock").asText()).isEqualTo("0.0.0.0/0");
        assertThat(r.at("/PrivateSubnetDefaultRoute/Properties/NatGatewayId")).isEqualTo(ref("NatGateway"));
        assertThat(r.at("/PrivateSubnetDefaultRoute/Properties").has("GatewayId")).isFalse();
        assertThat(r.at("/PrivateSubnetRouteTableAssociation/Properties/SubnetId")).isEqualTo(ref("PrivateSubnet"));
        assertThat(r.at("/PublicSubnetDefaultRoute/Properties/GatewayId")).isEqualTo(ref("InternetGateway"));
        assertThat(r.at("/NatGateway/Properties/SubnetId")).as("the NAT sits in the public subnet").isEqualTo(ref("PublicSubnet"));
        assertThat(r.at("/NatGateway/Properties/AllocationId")).isEqualTo(getAtt("NatElasticIp", "AllocationId"));
        assertThat(r.at("/NatElasticIp/Properties/Domain").asText()).isEqualTo("vpc");
        JsonNode s3 = r.at("/S3GatewayEndpoint/Properties");
        assertThat(s3.get("VpcEndpointType").asText()).isEqualTo("Gateway");
        assertThat(s3.get("ServiceName").asText()).isEqualTo("com.amazonaws.us-east-1.s3");
        assertThat(s3.at("/RouteTableIds/0")).isEqualTo(ref("PrivateSubnetRouteTable"));
        assertThat(types(r)).doesNotContainKey("SsmEndpoint").doesNotContainKey("EndpointSecurityGroup");

        JsonNode nic = r.at("/Instance/Properties/NetworkInterfaces/0");
        assertThat(nic.get("SubnetId")).isEqualTo(ref("PrivateSubnet"));
        assertThat(nic.get("AssociatePublicIpAddress").asBoolean()).isFalse();
        assertThat(r.at("/SecurityGroup/Properties/VpcId")).isEqualTo(ref("Vpc"));
        assertNetworkTags(r, stack);
    }

    @Test
    void isolatedDeclaresInterfaceEndpointsReachedOn443FromTheVpcAndNoWayOut() throws Exception {
        JsonNode t = parse(isolated());
        JsonNode r = t.get("Resources");
        Blueprint stack = Blueprint.of(isolated());

        assertThat(t.at("/Parameters/AvailabilityZone/Default").asText()).isEqualTo("us-east-1c");
        assertThat(t.at("/Mappings/SubnetCidrs/us-east-1c/IsolatedSubnet").asText()).isEqualTo("10.213.144.0/21");
        assertThat(r.at("/IsolatedSubnet/Properties/CidrBlock/Fn::FindInMap/2").asText()).isEqualTo("IsolatedSubnet");
        Map<String, String> types = types(r);
        assertThat(types.values()).doesNotContain("AWS::EC2::NatGateway", "AWS::EC2::InternetGateway", "AWS::EC2::EIP", "AWS::EC2::Route");
        assertThat(r.at("/S3GatewayEndpoint/Properties/RouteTableIds/0")).isEqualTo(ref("IsolatedSubnetRouteTable"));
        JsonNode sg = r.at("/EndpointSecurityGroup/Properties");
        assertThat(sg.get("VpcId")).isEqualTo(ref("Vpc"));
        assertThat(sg.get("SecurityGroupIngress")).hasSize(1);
        assertThat(sg.at("/SecurityGroupIngress/0/FromPort").asInt()).isEqualTo(443);
        assertThat(sg.at("/SecurityGroupIngress/0/ToPort").asInt()).isEqualTo(443);
        assertThat(sg.at("/SecurityGroupIngress/0/CidrIp").asText()).isEqualTo("10.213.0.0/16");
        for (String service : List.of("ssm", "ssmmessages", "ec2messages", "monitoring", "logs")) {
            String id = Character.toUpperCase(service.charAt(0)) + service.substring(1) + "Endpoint";
            JsonNode e = r.at("/" + id + "/Properties");
            assertThat(e.get("ServiceName").asText()).as(id).isEqualTo("com.amazonaws.us-east-1." + service);
            assertThat(e.get("VpcEndpointType").asText()).isEqualTo("Interface");
            assertThat(e.get("PrivateDnsEnabled").asBoolean()).isTrue();
            assertThat(e.at("/SubnetIds/0")).isEqualTo(ref("IsolatedSubnet"));
            assertThat(e.at("/SecurityGroupIds/0")).isEqualTo(ref("EndpointSecurityGroup"));
        }
        assertThat(r.at("/Instance/Properties/NetworkInterfaces/0/SubnetId")).isEqualTo(ref("IsolatedSubnet"));
        assertThat(r.at("/Instance/Properties").has("AvailabilityZone")).as("the subnet decides the zone").isFalse();
        assertNetworkTags(r, stack);
    }

    @Test
    void publicUsesTheDefaultVpcParameterAndAPublicIp() throws Exception {
        JsonNode t = parse(publicNetwork());
        assertThat(t.at("/Parameters/VpcId/Type").asText()).isEqualTo("AWS::EC2::VPC::Id");
        assertThat(t.has("Mappings")).isFalse();
        assertThat(types(t.get("Resources")).values()).doesNotContain("AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::VPCEndpoint");
        assertThat(t.at("/Resources/Instance/Properties/NetworkInterfaces/0/AssociatePublicIpAddress").asBoolean()).isTrue();
    }

    private static Map<String, String> types(JsonNode resources) {
        Map<String, String> types = new LinkedHashMap<>();
        resources.properties().forEach(e -> types.put(e.getKey(), e.getValue().get("Type").asText()));
        return types;
    }

    /** The network's parts carry the stack's tags, a Name and hangar:network-part, never hangar:network. */
    private static void assertNetworkTags(JsonNode r, Blueprint stack) {
        int parts = 0;
        for (var e : r.properties()) {
            String type = e.getValue().get("Type").asText();
            if (List.of("AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::RouteTable", "AWS::EC2::InternetGateway", "AWS::EC2::EIP",
                    "AWS::EC2::NatGateway", "AWS::EC2::VPCEndpoint").contains(type) || e.getKey().equals("EndpointSecurityGroup")) {
                parts++;
                Map<String, String> tags = new LinkedHashMap<>();
                e.getValue().at("/Properties/Tags").forEach(tag -> tags.put(tag.get("Key").asText(), tag.get("Value").toString()));
                assertThat(tags).as(e.getKey()).containsKeys("Name", "hangar:network-part", "hangar:launch-id").doesNotContainKey("hangar:network");
                assertThat(tags.get("hangar:launch-id")).isEqualTo("\"" + stack.launchId() + "\"");
            }
        }
        assertThat(parts).isGreaterThan(5);
    }

    @Test
    void aKnownRootDeviceBecomesTheParameterDefault() throws Exception {
        JsonNode t = YAML.readTree(export(Blueprint.of(ssm(), null, "/dev/sda1")));
        assertThat(t.at("/Parameters/RootDeviceName/Default").asText()).isEqualTo("/dev/sda1");
        assertThat(parse(ssm()).at("/Parameters/RootDeviceName").has("Default")).isFalse();
    }
}
