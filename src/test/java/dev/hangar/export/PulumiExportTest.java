package dev.hangar.export;

import dev.hangar.blueprint.Blueprint;
import static dev.hangar.export.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** The program is compiled by python3, then run against a stand-in pulumi SDK that records what it declares. */
class PulumiExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<LaunchSpec> specs() {
        return Stream.of(ssm(), sshSpot(), ipv6AllEgress(), nasty(), isolated(), publicNetwork());
    }

    static String export(LaunchSpec spec) {
        return new PulumiExporter().export(ExportInput.of(Blueprint.of(spec)));
    }

    static JsonNode resource(JsonNode declared, String type, String name) {
        for (JsonNode r : declared.get("resources")) {
            if (r.get("type").asText().equals(type) && r.get("name").asText().equals(name)) {
                return r.get("args");
            }
        }
        throw new AssertionError("no " + type + " " + name);
    }

    static List<String> types(JsonNode declared) {
        List<String> out = new ArrayList<>();
        declared.get("resources").forEach(r -> out.add(r.get("type").asText()));
        return out;
    }

    static Map<String, String> map(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    @ParameterizedTest
    @MethodSource("specs")
    void pythonCompilesIt(LaunchSpec spec) throws Exception {
        Python.compile(export(spec));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void itDeclaresTheStackWithEverySecuritySetting(LaunchSpec spec) throws Exception {
        JsonNode d = Python.declared(export(spec));
        Blueprint stack = Blueprint.of(spec);

        assertThat(types(d)).contains("aws.iam.Role", "aws.iam.RolePolicy", "aws.iam.InstanceProfile",
                "aws.ec2.SecurityGroup", "aws.ec2.Instance", "aws.ec2.Tag", "aws.ebs.Volume", "aws.ec2.VolumeAttachment");
        assertThat(resource(d, "aws.Provider", "aws").get("region").asText()).isEqualTo(spec.region());
        d.get("resources").forEach(r -> {
            if (r.get("type").asText().startsWith("aws.") && !r.get("type").asText().equals("aws.Provider")) {
                assertThat(r.at("/args/opts/provider").asText()).as(r.get("name").asText()).isEqualTo("resource:aws.Provider:aws");
            }
        });

        JsonNode i = resource(d, "aws.ec2.Instance", "gpu");
        assertThat(i.at("/metadata_options/http_tokens").asText()).isEqualTo("required");
        assertThat(i.at("/metadata_options/http_put_response_hop_limit").asInt()).isEqualTo(1);
        assertThat(i.at("/root_block_device/encrypted").asBoolean()).isTrue();
        assertThat(i.at("/root_block_device/volume_type").asText()).isEqualTo("gp3");
        assertThat(i.at("/root_block_device/volume_size").asInt()).isEqualTo(spec.rootVolumeGiB());
        assertThat(i.get("monitoring").asBoolean()).isTrue();
        assertThat(i.get("ebs_optimized").asBoolean()).isTrue();
        assertThat(i.get("tenancy").asText()).isEqualTo(spec.tenancy().wireName());
        assertThat(i.get("associate_public_ip_address").asBoolean()).isEqualTo(stack.instance().associatePublicIp());
        assertThat(i.get("iam_instance_profile").asText()).isEqualTo("ref:instance-profile.name");
        assertThat(i.get("user_data").asText()).isEqualTo(UserData.script());
        assertThat(map(i.get("tags"))).isEqualTo(stack.tags());
        assertThat(i.at("/opts/dependsOn").toString()).contains("resource:aws.iam.RolePolicy:data-access");

        JsonNode role = resource(d, "aws.iam.Role", "instance-role");
        assertThat(role.get("name").asText()).isEqualTo(stack.iam().roleName());
        assertThat(JSON.readTree(role.get("assume_role_policy").asText())).isEqualTo(JSON.readTree(IamPolicies.trustPolicy()));
        assertThat(JSON.readTree(resource(d, "aws.iam.RolePolicy", "data-access").get("policy").asText()))
                .isEqualTo(JSON.readTree(IamPolicies.dataAccessPolicy(spec)));
        List<String> arns = new ArrayList<>();
        d.get("resources").forEach(r -> {
            if (r.get("type").asText().equals("aws.iam.RolePolicyAttachment")) {
                arns.add(r.at("/args/policy_arn").asText());
            }
        });
        assertThat(arns).isEqualTo(IamPolicies.managedPolicyArns(spec));

        JsonNode volume = resource(d, "aws.ebs.Volume", "data");
        assertThat(volume.get("encrypted").asBoolean()).isTrue();
        assertThat(volume.get("availability_zone").asText()).isEqualTo("ref:gpu.availability_zone");
        assertThat(map(volume.get("tags"))).isEqualTo(stack.dataVolume().tags());
        assertThat(resource(d, "aws.ec2.VolumeAttachment", "data").get("device_name").asText()).isEqualTo("/dev/sdh");
        assertThat(types(d).stream().filter(t -> t.equals("aws.ec2.Tag")).count()).isEqualTo(stack.tags().size());
    }

    @Test
    void ssmOpensNoInboundPort() throws Exception {
        JsonNode d = Python.declared(export(ssm()));
        JsonNode sg = resource(d, "aws.ec2.SecurityGroup", "instance-sg");

        assertThat(sg.get("ingress")).isEmpty();
        assertThat(sg.get("egress")).hasSize(2);
        assertThat(sg.at("/egress/0/from_port").asInt()).isEqualTo(80);
        assertThat(sg.get("vpc_id").asText()).as("Hangar's private network, the stack's own").isEqualTo("ref:hangar-vpc.id");
        assertThat(d.get("invokes")).isEmpty();
        assertThat(d.at("/exports/connect").asText()).isEqualTo("aws ssm start-session --target ref:gpu.id --region us-east-1");
        assertThat(resource(d, "aws.cloudwatch.MetricAlarm", "idle-stop").at("/metric_queries/0/metric/period").asInt()).isEqualTo(60);
        assertThat(resource(d, "aws.ec2.Instance", "gpu").get("key_name").asText()).isEqualTo("my-key");
    }

    @Test
    void privateDeclaresTheVpcASubnetOutThroughANatAndTheS3GatewayEndpoint() throws Exception {
        String program = export(ssm());
        JsonNode d = Python.declared(program);
        Blueprint stack = Blueprint.of(ssm());

        assertThat(program).contains("# Hangar's network (private), as this stack's own. An export is a standalone stack")
                .contains("availability_zone = config.get(\"availability_zone\") or \"us-east-1a\"");
        JsonNode vpc = resource(d, "aws.ec2.Vpc", "hangar-vpc");
        assertThat(vpc.get("cidr_block").asText()).isEqualTo("10.213.0.0/16");
        assertThat(vpc.get("enable_dns_support").asBoolean()).isTrue();
        assertThat(vpc.get("enable_dns_hostnames").asBoolean()).isTrue();
        assertThat(resource(d, "aws.ec2.DefaultSecurityGroup", "hangar-default-security-group").has("ingress")).isFalse();
        JsonNode subnet = resource(d, "aws.ec2.Subnet", "private-subnet");
        assertThat(subnet.get("availability_zone").asText()).isEqualTo("us-east-1a");
        assertThat(subnet.get("cidr_block").asText()).isEqualTo(stack.network().subnetCidr("private-subnet", "us-east-1a"));
        assertThat(subnet.get("map_public_ip_on_launch").asBoolean()).isFalse();
        assertThat(resource(d, "aws.ec2.Subnet", "public-subnet").get("cidr_block").asText()).isEqualTo("10.213.192.0/24");
        JsonNode privateRoutes = resource(d, "aws.ec2.RouteTable", "private-route-table");
        assertThat(privateRoutes.at("/routes/0/cidr_block").asText()).isEqualTo("0.0.0.0/0");
        assertThat(privateRoutes.at("/routes/0/nat_gateway_id").asText()).isEqualTo("ref:nat-gateway.id");
        assertThat(resource(d, "aws.ec2.RouteTable", "public-route-table").at("/routes/0/gateway_id").asText()).isEqualTo("ref:internet-gateway.id");
        assertThat(resource(d, "aws.ec2.RouteTableAssociation", "private-route-table-association").get("subnet_id").asText())
                .isEqualTo("ref:private-subnet.id");
        JsonNode nat = resource(d, "aws.ec2.NatGateway", "nat-gateway");
        assertThat(nat.get("subnet_id").asText()).as("the NAT sits in the public subnet").isEqualTo("ref:public-subnet.id");
        assertThat(nat.get("allocation_id").asText()).isEqualTo("ref:elastic-ip.id");
        JsonNode s3 = resource(d, "aws.ec2.VpcEndpoint", "s3-endpoint");
        assertThat(s3.get("vpc_endpoint_type").asText()).isEqualTo("Gateway");
        assertThat(s3.get("service_name").asText()).isEqualTo("com.amazonaws.us-east-1.s3");
        assertThat(s3.at("/route_table_ids/0").asText()).isEqualTo("ref:private-route-table.id");
        assertThat(types(d).stream().filter(t -> t.equals("aws.ec2.VpcEndpoint")).count()).isEqualTo(1);
        JsonNode i = resource(d, "aws.ec2.Instance", "gpu");
        assertThat(i.get("subnet_id").asText()).isEqualTo("ref:private-subnet.id");
        assertThat(i.get("associate_public_ip_address").asBoolean()).isFalse();
        assertNetworkTags(d, stack);
    }

    @Test
    void isolatedDeclaresInterfaceEndpointsReachedOn443FromTheVpcAndNoWayOut() throws Exception {
        JsonNode d = Python.declared(export(isolated()));
        Blueprint stack = Blueprint.of(isolated());

        JsonNode subnet = resource(d, "aws.ec2.Subnet", "isolated-subnet");
        assertThat(subnet.get("availability_zone").asText()).isEqualTo("us-east-1c");
        assertThat(subnet.get("cidr_block").asText()).isEqualTo("10.213.144.0/21");
        assertThat(resource(d, "aws.ec2.RouteTable", "isolated-route-table").has("routes")).as("no route out").isFalse();
        assertThat(types(d)).doesNotContain("aws.ec2.NatGateway", "aws.ec2.InternetGateway", "aws.ec2.Eip");
        assertThat(resource(d, "aws.ec2.VpcEndpoint", "s3-endpoint").at("/route_table_ids/0").asText()).isEqualTo("ref:isolated-route-table.id");
        JsonNode sg = resource(d, "aws.ec2.SecurityGroup", "endpoint-security-group");
        assertThat(sg.get("ingress")).hasSize(1);
        assertThat(sg.at("/ingress/0/from_port").asInt()).isEqualTo(443);
        assertThat(sg.at("/ingress/0/cidr_blocks/0").asText()).isEqualTo("10.213.0.0/16");
        assertThat(sg.has("egress")).isFalse();
        for (String service : List.of("ssm", "ssmmessages", "ec2messages", "monitoring", "logs")) {
            JsonNode e = resource(d, "aws.ec2.VpcEndpoint", "interface-endpoint-" + service);
            assertThat(e.get("service_name").asText()).isEqualTo("com.amazonaws.us-east-1." + service);
            assertThat(e.get("vpc_endpoint_type").asText()).isEqualTo("Interface");
            assertThat(e.get("private_dns_enabled").asBoolean()).isTrue();
            assertThat(e.at("/subnet_ids/0").asText()).isEqualTo("ref:isolated-subnet.id");
            assertThat(e.at("/security_group_ids/0").asText()).isEqualTo("ref:endpoint-security-group.id");
        }
        assertThat(resource(d, "aws.ec2.Instance", "gpu").get("subnet_id").asText()).isEqualTo("ref:isolated-subnet.id");
        assertNetworkTags(d, stack);
    }

    @Test
    void publicUsesTheDefaultVpcAndAPublicIp() throws Exception {
        JsonNode d = Python.declared(export(publicNetwork()));
        assertThat(resource(d, "aws.ec2.SecurityGroup", "instance-sg").get("vpc_id").asText()).isEqualTo("invoke:aws.ec2.get_vpc.id");
        assertThat(d.at("/invokes/0/args/default").asBoolean()).isTrue();
        assertThat(types(d)).doesNotContain("aws.ec2.Vpc", "aws.ec2.Subnet", "aws.ec2.VpcEndpoint");
        assertThat(resource(d, "aws.ec2.Instance", "gpu").get("associate_public_ip_address").asBoolean()).isTrue();
    }

    /** The network's parts carry the stack's tags, a Name and hangar:network-part, never hangar:network. */
    private static void assertNetworkTags(JsonNode d, Blueprint stack) {
        int parts = 0;
        for (JsonNode r : d.get("resources")) {
            String type = r.get("type").asText();
            if (List.of("aws.ec2.Vpc", "aws.ec2.Subnet", "aws.ec2.RouteTable", "aws.ec2.InternetGateway", "aws.ec2.Eip",
                    "aws.ec2.NatGateway", "aws.ec2.VpcEndpoint", "aws.ec2.DefaultSecurityGroup").contains(type)) {
                parts++;
                Map<String, String> tags = map(r.at("/args/tags"));
                assertThat(tags).as(r.get("name").asText()).containsKeys("Name", "hangar:network-part")
                        .containsEntry("hangar:launch-id", stack.launchId()).doesNotContainKey("hangar:network");
                assertThat(tags.get("Name")).startsWith("hangar-" + stack.launchId() + "-");
            }
        }
        assertThat(parts).isGreaterThan(5);
    }

    @Test
    void sshSpotDeclaresItsKeySubnetAndSpotOptions() throws Exception {
        JsonNode d = Python.declared(export(sshSpot()));

        JsonNode sg = resource(d, "aws.ec2.SecurityGroup", "instance-sg");
        assertThat(sg.get("ingress")).hasSize(1);
        assertThat(sg.at("/ingress/0/cidr_blocks/0").asText()).isEqualTo("203.0.113.7/32");
        assertThat(sg.get("vpc_id").asText()).isEqualTo("invoke:aws.ec2.get_subnet.vpc_id");
        assertThat(resource(d, "tls.PrivateKey", "ssh-key").get("algorithm").asText()).isEqualTo("ED25519");
        assertThat(resource(d, "aws.ec2.KeyPair", "ssh").get("public_key").asText()).isEqualTo("ref:ssh-key.public_key_openssh");
        JsonNode i = resource(d, "aws.ec2.Instance", "gpu");
        assertThat(i.get("key_name").asText()).isEqualTo("ref:ssh.key_name");
        assertThat(i.get("subnet_id").asText()).isEqualTo(SUBNET);
        assertThat(i.at("/instance_market_options/market_type").asText()).isEqualTo("spot");
        assertThat(i.at("/instance_market_options/spot_options/instance_interruption_behavior").asText()).isEqualTo("stop");
        assertThat(d.at("/exports/private_key_openssh").asText()).startsWith("secret:");
        JsonNode alarm = resource(d, "aws.cloudwatch.MetricAlarm", "idle-stop");
        assertThat(alarm.get("evaluation_periods").asInt()).isEqualTo(34);
        assertThat(alarm.at("/metric_queries/1/metric/dimensions/InstanceId").asText()).isEqualTo("ref:gpu.id");
        assertThat(alarm.at("/metric_queries/2/expression").asText()).isEqualTo("MAX([cpu, FILL(gpu, 100)])");
    }

    @Test
    void ipv6SshAllEgressNoAlarm() throws Exception {
        JsonNode d = Python.declared(export(ipv6AllEgress()));
        JsonNode sg = resource(d, "aws.ec2.SecurityGroup", "instance-sg");

        assertThat(sg.at("/ingress/0/ipv6_cidr_blocks/0").asText()).isEqualTo("2001:db8::/64");
        assertThat(sg.at("/egress/0/protocol").asText()).isEqualTo("-1");
        assertThat(types(d)).doesNotContain("aws.cloudwatch.MetricAlarm");
    }
}
