package dev.hangar.export;

import dev.hangar.blueprint.Blueprint;
import static dev.hangar.export.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.export.Hcl.Block;
import dev.hangar.export.Hcl.Body;
import dev.hangar.export.Hcl.Ref;
import dev.hangar.blueprint.IamPolicies;
import dev.hangar.blueprint.UserData;
import dev.hangar.spec.LaunchSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TerraformExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<LaunchSpec> specs() {
        return Stream.of(ssm(), sshSpot(), ipv6AllEgress(), nasty(), isolated(), publicNetwork());
    }

    private static String export(LaunchSpec spec) {
        return new TerraformExporter().export(ExportInput.of(Blueprint.of(spec)));
    }

    private static Body parse(LaunchSpec spec) {
        return Hcl.parse(export(spec));
    }

    private static Body resource(Body tf, String type, String name) {
        return tf.block("resource", type, name).body();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void parsesStrictlyWithWellFormedResourceHeaders(LaunchSpec spec) {
        String text = export(spec);
        Body tf = Hcl.parse(text);

        text.lines().filter(l -> l.startsWith("resource ") || l.startsWith("data "))
                .forEach(l -> assertThat(l).matches("(resource|data) \"[a-z0-9_]+\" \"[a-z0-9_]+\" \\{"));
        assertThat(tf.blocks("resource")).extracting(b -> b.labels().get(0)).contains("aws_iam_role", "aws_iam_role_policy",
                "aws_iam_instance_profile", "aws_security_group", "aws_instance",
                "aws_ec2_tag", "aws_ebs_volume", "aws_volume_attachment");
        assertThat(text).endsWith("}\n").doesNotEndWith("\n\n");
    }

    @ParameterizedTest
    @MethodSource("specs")
    void everyExportCarriesTheSecuritySettings(LaunchSpec spec) throws Exception {
        Body tf = parse(spec);
        Body instance = resource(tf, "aws_instance", "gpu");

        Body metadata = instance.block("metadata_options").body();
        assertThat(metadata.attr("http_tokens")).isEqualTo("required");
        assertThat(metadata.attr("http_put_response_hop_limit")).isEqualTo(BigDecimal.ONE);
        assertThat(metadata.attr("http_endpoint")).isEqualTo("enabled");
        Body root = instance.block("root_block_device").body();
        assertThat(root.attr("encrypted")).isEqualTo(true);
        assertThat(root.attr("volume_type")).isEqualTo("gp3");
        assertThat(root.attr("volume_size")).isEqualTo(BigDecimal.valueOf(spec.rootVolumeGiB()));
        assertThat(instance.attr("monitoring")).isEqualTo(true);
        assertThat(instance.attr("ebs_optimized")).isEqualTo(true);
        assertThat(instance.attr("tenancy")).isEqualTo(spec.tenancy().wireName());
        assertThat(instance.attr("associate_public_ip_address")).isEqualTo(Blueprint.of(spec).instance().associatePublicIp());
        assertThat(instance.attr("ami")).isEqualTo(spec.amiId());
        assertThat(instance.attr("instance_type")).isEqualTo(spec.instanceType());
        assertThat(instance.attr("vpc_security_group_ids")).isEqualTo(List.of(new Ref("aws_security_group.instance.id")));
        assertThat(instance.attr("iam_instance_profile")).isEqualTo(new Ref("aws_iam_instance_profile.instance.name"));
        assertThat(instance.attr("user_data")).isEqualTo(UserData.script());

        Body data = resource(tf, "aws_ebs_volume", "data");
        assertThat(data.attr("encrypted")).isEqualTo(true);
        assertThat(data.attr("type")).isEqualTo("gp3");
        assertThat(data.attr("size")).isEqualTo(BigDecimal.valueOf(spec.dataVolumeGiB()));
        assertThat(data.attr("availability_zone")).isEqualTo(new Ref("aws_instance.gpu.availability_zone"));
        assertThat(resource(tf, "aws_volume_attachment", "data").attr("device_name")).isEqualTo("/dev/sdh");

        Body policy = resource(tf, "aws_iam_role_policy", "data_access");
        assertThat(JSON.readTree((String) policy.attr("policy"))).isEqualTo(JSON.readTree(IamPolicies.dataAccessPolicy(spec)));
        assertThat(JSON.readTree((String) resource(tf, "aws_iam_role", "instance").attr("assume_role_policy")))
                .isEqualTo(JSON.readTree(IamPolicies.trustPolicy()));
        List<Object> arns = tf.blocks("resource").stream().filter(b -> b.labels().get(0).equals("aws_iam_role_policy_attachment"))
                .map(b -> b.body().attr("policy_arn")).toList();
        assertThat(arns).containsExactlyElementsOf(IamPolicies.managedPolicyArns(spec));

        Blueprint stack = Blueprint.of(spec);
        Body locals = tf.blocks("locals").get(0).body();
        assertThat(locals.attr("tags")).isEqualTo(stack.tags());
        assertThat(locals.attr("data_volume_tags")).isEqualTo(stack.dataVolume().tags());
        for (String taggable : List.of("aws_iam_role/instance", "aws_iam_instance_profile/instance", "aws_security_group/instance",
                "aws_instance/gpu")) {
            String[] t = taggable.split("/");
            assertThat(resource(tf, t[0], t[1]).attr("tags")).as(taggable).isEqualTo(new Ref("local.tags"));
        }
        assertThat(data.attr("tags")).isEqualTo(new Ref("local.data_volume_tags"));
        assertThat(resource(tf, "aws_ec2_tag", "network_interface").attr("resource_id"))
                .isEqualTo(new Ref("aws_instance.gpu.primary_network_interface_id"));
    }

    @Test
    void ssmOpensNoInboundPortAndReplacesTheAllowAllEgress() {
        String text = export(ssm());
        Body sg = resource(Hcl.parse(text), "aws_security_group", "instance");

        assertThat(sg.blocks("ingress")).isEmpty();
        assertThat(text).doesNotContain("ingress");
        assertThat(sg.blocks("egress")).extracting(b -> b.body().attr("from_port")).containsExactly(BigDecimal.valueOf(80), BigDecimal.valueOf(443));
        assertThat(sg.blocks("egress")).allSatisfy(b -> assertThat(b.body().attr("protocol")).isEqualTo("tcp"));
        assertThat(sg.attr("vpc_id")).isEqualTo(new Ref("aws_vpc.hangar.id"));
        assertThat(Hcl.parse(text).blocks("data")).isEmpty();
        assertThat(resource(Hcl.parse(text), "aws_instance", "gpu").attr("key_name")).isEqualTo("my-key");
        assertThat(text).doesNotContain("tls_private_key").doesNotContain("aws_key_pair").doesNotContain("instance_market_options");
    }

    @Test
    void sshIsOpenOnlyToTheCidrAndTheRestOfTheSshSpotSpecFollows() throws Exception {
        Body tf = parse(sshSpot());
        Body sg = resource(tf, "aws_security_group", "instance");

        List<Block> ingress = sg.blocks("ingress");
        assertThat(ingress).hasSize(1);
        assertThat(ingress.get(0).body().attr("cidr_blocks")).isEqualTo(List.of("203.0.113.7/32"));
        assertThat(ingress.get(0).body().attr("from_port")).isEqualTo(BigDecimal.valueOf(22));
        assertThat(sg.blocks("egress")).hasSize(1);
        assertThat(sg.attr("vpc_id")).isEqualTo(new Ref("data.aws_subnet.selected.vpc_id"));
        assertThat(tf.block("data", "aws_subnet", "selected").body().attr("id")).isEqualTo(SUBNET);

        assertThat(resource(tf, "tls_private_key", "ssh").attr("algorithm")).isEqualTo("ED25519");
        assertThat(resource(tf, "aws_key_pair", "ssh").attr("key_name")).isEqualTo("hangar-key");
        Body instance = resource(tf, "aws_instance", "gpu");
        assertThat(instance.attr("key_name")).isEqualTo(new Ref("aws_key_pair.ssh.key_name"));
        assertThat(instance.attr("subnet_id")).isEqualTo(SUBNET);
        assertThat(instance.attr("availability_zone")).isEqualTo("us-east-1b");
        assertThat(instance.attr("instance_initiated_shutdown_behavior")).isEqualTo("stop");
        Body market = instance.block("instance_market_options").body();
        assertThat(market.attr("market_type")).isEqualTo("spot");
        // Issue 15: a persistent request that stops, so idle stop and interruptions keep the disks.
        assertThat(market.block("spot_options").body().attr("spot_instance_type")).isEqualTo("persistent");
        assertThat(market.block("spot_options").body().attr("instance_interruption_behavior")).isEqualTo("stop");
        assertThat(tf.block("output", "private_key_openssh").body().attr("sensitive")).isEqualTo(true);
        assertThat(tf.blocks("terraform").get(0).body().block("required_providers").body().attr("tls")).isEqualTo(Map.of("source", "hashicorp/tls", "version", ">= 4.0"));

        Body alarm = resource(tf, "aws_cloudwatch_metric_alarm", "idle_stop");
        // Issue 15 (1): a metric-math alarm over CPU and the busiest GPU; the period is on each metric query.
        assertThat(alarm.blocks("metric_query").get(0).body().block("metric").body().attr("period")).isEqualTo(BigDecimal.valueOf(3600));
        assertThat(alarm.attr("evaluation_periods")).isEqualTo(BigDecimal.valueOf(34));
        assertThat(alarm.attr("threshold")).isEqualTo(BigDecimal.valueOf(5));
        assertThat(alarm.attr("comparison_operator")).isEqualTo("LessThanThreshold");
        assertThat(alarm.attr("alarm_actions")).isEqualTo(List.of("arn:aws:automate:us-east-1:ec2:stop"));
        assertThat(alarm.blocks("metric_query")).extracting(q -> q.body().attributes().get("id")).containsExactly("cpu", "gpu", "idle");
        assertThat(alarm.blocks("metric_query").get(1).body().block("metric").body().attr("metric_name")).isEqualTo("nvidia_smi_utilization_gpu");
        assertThat(alarm.blocks("metric_query").get(1).body().block("metric").body().attr("dimensions"))
                .isEqualTo(Map.of("InstanceId", new Ref("aws_instance.gpu.id")));
        assertThat(alarm.blocks("metric_query").get(2).body().attr("expression")).isEqualTo("MAX([cpu, FILL(gpu, 100)])");
        assertThat(resource(tf, "aws_cloudwatch_metric_alarm", "idle_stop_no_gpu_data").attr("evaluation_periods"))
                .isEqualTo(BigDecimal.valueOf(100));
    }

    @Test
    void ipv6SshAllEgressNoIdleStop() {
        String text = export(ipv6AllEgress());
        Body tf = Hcl.parse(text);
        Body sg = resource(tf, "aws_security_group", "instance");

        assertThat(sg.blocks("ingress").get(0).body().attr("ipv6_cidr_blocks")).isEqualTo(List.of("2001:db8::/64"));
        Body egress = sg.blocks("egress").get(0).body();
        assertThat(sg.blocks("egress")).hasSize(1);
        assertThat(egress.attr("protocol")).isEqualTo("-1");
        assertThat(egress.attr("cidr_blocks")).isEqualTo(List.of("0.0.0.0/0"));
        assertThat(tf.blocks("resource")).noneMatch(b -> b.labels().get(0).equals("aws_cloudwatch_metric_alarm"));
        assertThat(tf.block("provider", "aws").body().attr("region")).isEqualTo("eu-west-1");
        assertThat(text).contains("DeleteOnTermination").doesNotContain("AmazonSSMManagedInstanceCore");
        assertThat(tf.blocks("output")).noneMatch(b -> b.labels().get(0).equals("connect"));
    }

    @Test
    void privateDeclaresTheVpcASubnetOutThroughANatAndTheS3GatewayEndpoint() {
        String text = export(ssm());
        Body tf = Hcl.parse(text);
        Blueprint stack = Blueprint.of(ssm());

        assertThat(text).contains("# Hangar's network (private), as this stack's own. An export is a standalone stack");
        Body vpc = resource(tf, "aws_vpc", "hangar");
        assertThat(vpc.attr("cidr_block")).isEqualTo("10.213.0.0/16");
        assertThat(vpc.attr("enable_dns_support")).isEqualTo(true);
        assertThat(vpc.attr("enable_dns_hostnames")).isEqualTo(true);
        assertThat(resource(tf, "aws_default_security_group", "hangar").attributes()).containsOnlyKeys("vpc_id", "tags");
        Body zone = tf.block("variable", "availability_zone").body();
        assertThat(zone.attr("default")).as("no zone in the spec: the region's first").isEqualTo("us-east-1a");

        Body subnet = resource(tf, "aws_subnet", "private");
        assertThat(subnet.attr("vpc_id")).isEqualTo(new Ref("aws_vpc.hangar.id"));
        assertThat(subnet.attr("availability_zone")).isEqualTo(new Ref("var.availability_zone"));
        assertThat(subnet.attr("map_public_ip_on_launch")).isEqualTo(false);
        for (String z : List.of("us-east-1a", "us-east-1b", "us-east-1h")) {
            assertThat(cidr(tf, subnet, z)).as(z).isEqualTo(stack.network().subnetCidr("private-subnet", z));
            assertThat(cidr(tf, resource(tf, "aws_subnet", "public"), z)).as(z).isEqualTo(stack.network().subnetCidr("public-subnet", z));
        }
        assertThat(cidr(tf, subnet, "us-east-1a")).isEqualTo("10.213.0.0/20");
        assertThat(route(resource(tf, "aws_route_table", "private"))).isEqualTo(Map.of("cidr_block", "0.0.0.0/0",
                "nat_gateway_id", new Ref("aws_nat_gateway.hangar.id")));
        assertThat(route(resource(tf, "aws_route_table", "public"))).isEqualTo(Map.of("cidr_block", "0.0.0.0/0",
                "gateway_id", new Ref("aws_internet_gateway.hangar.id")));
        assertThat(resource(tf, "aws_route_table_association", "private").attr("subnet_id")).isEqualTo(new Ref("aws_subnet.private.id"));
        Body nat = resource(tf, "aws_nat_gateway", "hangar");
        assertThat(nat.attr("subnet_id")).as("the NAT sits in the public subnet").isEqualTo(new Ref("aws_subnet.public.id"));
        assertThat(nat.attr("allocation_id")).isEqualTo(new Ref("aws_eip.nat.id"));
        assertThat(resource(tf, "aws_eip", "nat").attr("domain")).isEqualTo("vpc");
        Body s3 = resource(tf, "aws_vpc_endpoint", "s3");
        assertThat(s3.attr("service_name")).isEqualTo("com.amazonaws.us-east-1.s3");
        assertThat(s3.attr("vpc_endpoint_type")).isEqualTo("Gateway");
        assertThat(s3.attr("route_table_ids")).isEqualTo(List.of(new Ref("aws_route_table.private.id")));
        assertThat(tf.blocks("resource")).filteredOn(b -> b.labels().get(0).equals("aws_vpc_endpoint")).hasSize(1);

        Body instance = resource(tf, "aws_instance", "gpu");
        assertThat(instance.attr("subnet_id")).isEqualTo(new Ref("aws_subnet.private.id"));
        assertThat(instance.attr("associate_public_ip_address")).isEqualTo(false);
        assertThat(instance.attributes()).doesNotContainKey("availability_zone");
        assertNetworkTags(tf, stack);
    }

    @Test
    void isolatedDeclaresInterfaceEndpointsReachedOn443FromTheVpcAndNoWayOut() {
        Body tf = parse(isolated());
        Blueprint stack = Blueprint.of(isolated());

        assertThat(tf.block("variable", "availability_zone").body().attr("default")).as("the spec's zone").isEqualTo("us-east-1c");
        Body subnet = resource(tf, "aws_subnet", "isolated");
        assertThat(cidr(tf, subnet, "us-east-1c")).isEqualTo("10.213.144.0/21");
        assertThat(resource(tf, "aws_route_table", "isolated").blocks("route")).as("no route out").isEmpty();
        assertThat(tf.blocks("resource")).extracting(b -> b.labels().get(0))
                .doesNotContain("aws_nat_gateway", "aws_internet_gateway", "aws_eip");
        assertThat(tf.blocks("resource")).noneMatch(b -> b.labels().get(0).equals("aws_subnet") && b.labels().get(1).equals("private"));
        assertThat(resource(tf, "aws_vpc_endpoint", "s3").attr("route_table_ids")).isEqualTo(List.of(new Ref("aws_route_table.isolated.id")));

        Body endpoints = resource(tf, "aws_security_group", "endpoints");
        assertThat(endpoints.attr("vpc_id")).isEqualTo(new Ref("aws_vpc.hangar.id"));
        assertThat(endpoints.blocks("ingress")).singleElement().satisfies(b -> {
            assertThat(b.body().attr("from_port")).isEqualTo(BigDecimal.valueOf(443));
            assertThat(b.body().attr("to_port")).isEqualTo(BigDecimal.valueOf(443));
            assertThat(b.body().attr("protocol")).isEqualTo("tcp");
            assertThat(b.body().attr("cidr_blocks")).isEqualTo(List.of("10.213.0.0/16"));
        });
        assertThat(endpoints.blocks("egress")).isEmpty();
        for (String service : List.of("ssm", "ssmmessages", "ec2messages", "monitoring", "logs")) {
            Body e = resource(tf, "aws_vpc_endpoint", service);
            assertThat(e.attr("service_name")).isEqualTo("com.amazonaws.us-east-1." + service);
            assertThat(e.attr("vpc_endpoint_type")).isEqualTo("Interface");
            assertThat(e.attr("private_dns_enabled")).isEqualTo(true);
            assertThat(e.attr("subnet_ids")).isEqualTo(List.of(new Ref("aws_subnet.isolated.id")));
            assertThat(e.attr("security_group_ids")).isEqualTo(List.of(new Ref("aws_security_group.endpoints.id")));
        }
        Body instance = resource(tf, "aws_instance", "gpu");
        assertThat(instance.attr("subnet_id")).isEqualTo(new Ref("aws_subnet.isolated.id"));
        assertThat(instance.attr("associate_public_ip_address")).isEqualTo(false);
        assertNetworkTags(tf, stack);
    }

    @Test
    void publicAndAnExistingSubnetDeclareNoNetwork() {
        Body tf = parse(publicNetwork());
        assertThat(resource(tf, "aws_security_group", "instance").attr("vpc_id")).isEqualTo(new Ref("data.aws_vpc.default.id"));
        assertThat(tf.block("data", "aws_vpc", "default").body().attr("default")).isEqualTo(true);
        assertThat(resource(tf, "aws_instance", "gpu").attr("associate_public_ip_address")).isEqualTo(true);
        for (Body other : List.of(tf, parse(sshSpot()))) {
            assertThat(other.blocks("resource")).extracting(b -> b.labels().get(0))
                    .doesNotContain("aws_vpc", "aws_subnet", "aws_nat_gateway", "aws_vpc_endpoint");
            assertThat(other.blocks("variable")).isEmpty();
        }
    }

    /** The value of a subnet's cidr_block, lookup(local.<map>, var.availability_zone), for a zone. */
    @SuppressWarnings("unchecked")
    private static String cidr(Body tf, Body subnet, String zone) {
        Hcl.Call lookup = (Hcl.Call) subnet.attr("cidr_block");
        assertThat(lookup.name()).isEqualTo("lookup");
        assertThat(lookup.args().get(1)).isEqualTo(new Ref("var.availability_zone"));
        String local = ((Ref) lookup.args().get(0)).path().substring("local.".length());
        return ((Map<String, String>) tf.blocks("locals").get(0).body().attr(local)).get(zone);
    }

    private static Map<String, Object> route(Body table) {
        return table.block("route").body().attributes();
    }

    /**
     * Every network part: the stack's tags merged with its Name and hangar:network-part, never hangar:network (which
     * would make Hangar take the stack's VPC for its shared one).
     */
    @SuppressWarnings("unchecked")
    private static void assertNetworkTags(Body tf, Blueprint stack) {
        List<String> network = List.of("aws_vpc", "aws_subnet", "aws_route_table", "aws_internet_gateway", "aws_eip", "aws_nat_gateway",
                "aws_vpc_endpoint", "aws_default_security_group");
        List<Block> parts = tf.blocks("resource").stream().filter(b -> network.contains(b.labels().get(0))).toList();
        assertThat(parts).isNotEmpty();
        for (Block part : parts) {
            Hcl.Call merge = (Hcl.Call) part.body().attr("tags");
            assertThat(merge.name()).isEqualTo("merge");
            assertThat(merge.args().get(0)).isEqualTo(new Ref("local.tags"));
            Map<String, Object> own = (Map<String, Object>) merge.args().get(1);
            assertThat(own).as(part.labels().toString()).containsKeys("Name", "hangar:network-part").doesNotContainKey("hangar:network");
            assertThat((String) own.get("Name")).startsWith("hangar-" + stack.launchId() + "-");
        }
    }

    @Test
    void theInstanceWaitsForItsPoliciesAsTheEngineDoes() {
        Body instance = resource(parse(ssm()), "aws_instance", "gpu");
        assertThat(instance.attr("depends_on")).isEqualTo(List.of(new Ref("aws_iam_role_policy.data_access"),
                new Ref("aws_iam_role_policy.agent"), new Ref("aws_iam_role_policy_attachment.amazon_ssm_managed_instance_core")));
    }

    @Test
    void aGivenLaunchIdNamesTheResources() {
        Body tf = Hcl.parse(new TerraformExporter().export(ExportInput.of(Blueprint.of(ssm(), "llama-finetune-0a0b0c"))));
        assertThat(resource(tf, "aws_iam_role", "instance").attr("name")).isEqualTo("hangar-llama-finetune-0a0b0c");
        assertThat(resource(tf, "aws_security_group", "instance").attr("name")).isEqualTo("hangar-llama-finetune-0a0b0c");
        assertThat(resource(tf, "aws_cloudwatch_metric_alarm", "idle_stop").attr("alarm_name"))
                .isEqualTo("hangar-llama-finetune-0a0b0c-idle-stop");
    }

}
