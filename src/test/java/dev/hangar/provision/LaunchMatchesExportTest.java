package dev.hangar.provision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.blueprint.Blueprint;
import dev.hangar.export.ExportInput;
import dev.hangar.export.Hcl;
import dev.hangar.export.Hcl.Block;
import dev.hangar.export.Hcl.Body;
import dev.hangar.export.TerraformExporter;
import dev.hangar.spec.Access;
import dev.hangar.spec.BucketAccess;
import dev.hangar.spec.Egress;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.Market;
import dev.hangar.spec.Tenancy;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.RecordedRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One blueprint, two of its readers: what a launch sends to AWS (the requests the endpoint recorded) and what the
 * Terraform export declares for the same launch must agree, field by field, on every security setting.
 */
@ExtendWith(LocalAwsExtension.class)
class LaunchMatchesExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String BOUNDARY = "arn:aws:iam::" + LocalAws.ACCOUNT_ID + ":policy/hangar-test-boundary";

    @TempDir Path home;

    static Stream<LaunchSpec> specs() {
        return Stream.of(
                EngineFixture.spec().build(),
                EngineFixture.spec().name("ssh-rw").access(Access.SSH).sshCidr("203.0.113.7/32").keyPair("ssh-rw-key").createKeyPair(true)
                        .bucketAccess(BucketAccess.READ_WRITE).tenancy(Tenancy.DEDICATED).idleStopMinutes(2000)
                        .permissionsBoundaryArn(BOUNDARY).build(),
                EngineFixture.spec().name("spot-all").market(Market.SPOT).egress(Egress.ALL).network(dev.hangar.spec.NetworkMode.PUBLIC).associatePublicIp(true)
                        .deleteDataVolumeOnTermination(true).idleStopMinutes(0).rootVolumeGiB(80).dataVolumeGiB(500).build(),
                EngineFixture.spec().name("v6").access(Access.SSH).sshCidr("2001:db8::/64").keyPair("v6-key").createKeyPair(true)
                        .egress(Egress.HTTPS_ONLY).build());
    }

    @ParameterizedTest
    @MethodSource("specs")
    void theLaunchSendsWhatTheExportDeclares(LaunchSpec spec, LocalAws aws) throws Exception {
        EngineFixture f = new EngineFixture(aws, home);
        aws.clients().iam().createPolicy(p -> p.policyName("hangar-test-boundary").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"));
        LaunchOutcome outcome = f.launch(spec);
        assertThat(outcome.succeeded()).as(outcome.message()).isTrue();
        Blueprint blueprint = Blueprint.forLaunch(spec, outcome.launchId(), outcome.outputs().get(Launcher.CREATED_BY));
        Body tf = Hcl.parse(new TerraformExporter().export(ExportInput.of(blueprint)));
        var endpoint = aws.endpoint();

        RecordedRequest run = only(endpoint.requests("ec2", "RunInstances").stream().filter(r -> !r.isDryRun()).toList());
        Body instance = resource(tf, "aws_instance", "gpu");
        Body metadata = instance.block("metadata_options").body();
        assertThat(run.param("MetadataOptions.HttpTokens")).isEqualTo(metadata.attr("http_tokens"));
        assertThat(number(run.param("MetadataOptions.HttpPutResponseHopLimit"))).isEqualTo(metadata.attr("http_put_response_hop_limit"));
        assertThat(run.param("MetadataOptions.HttpEndpoint")).isEqualTo(metadata.attr("http_endpoint"));
        assertThat(bool(run.param("Monitoring.Enabled"))).isEqualTo(instance.attr("monitoring"));
        assertThat(bool(run.param("EbsOptimized"))).isEqualTo(instance.attr("ebs_optimized"));
        assertThat(run.param("Placement.Tenancy")).isEqualTo(instance.attr("tenancy"));
        assertThat(run.param("ImageId")).isEqualTo(instance.attr("ami"));
        assertThat(run.param("InstanceType")).isEqualTo(instance.attr("instance_type"));
        assertThat(bool(run.param("NetworkInterface.1.AssociatePublicIpAddress"))).isEqualTo(instance.attr("associate_public_ip_address"));
        assertThat(run.param("InstanceInitiatedShutdownBehavior")).isEqualTo(instance.attr("instance_initiated_shutdown_behavior"));
        assertThat(new String(Base64.getDecoder().decode(run.param("UserData")), StandardCharsets.UTF_8)).isEqualTo(instance.attr("user_data"));
        Body root = instance.block("root_block_device").body();
        assertThat(bool(run.param("BlockDeviceMapping.1.Ebs.Encrypted"))).isEqualTo(root.attr("encrypted"));
        assertThat(number(run.param("BlockDeviceMapping.1.Ebs.VolumeSize"))).isEqualTo(root.attr("volume_size"));
        assertThat(run.param("BlockDeviceMapping.1.Ebs.VolumeType")).isEqualTo(root.attr("volume_type"));
        assertThat(bool(run.param("BlockDeviceMapping.1.Ebs.DeleteOnTermination"))).isEqualTo(root.attr("delete_on_termination"));
        List<Block> market = instance.blocks("instance_market_options");
        if (spec.market() == Market.SPOT) {
            Body spot = market.get(0).body().block("spot_options").body();
            assertThat(run.param("InstanceMarketOptions.SpotOptions.SpotInstanceType")).isEqualTo(spot.attr("spot_instance_type"));
            assertThat(run.param("InstanceMarketOptions.SpotOptions.InstanceInterruptionBehavior")).isEqualTo(spot.attr("instance_interruption_behavior"));
        } else {
            assertThat(market).isEmpty();
            assertThat(run.param("InstanceMarketOptions.MarketType")).isNull();
        }
        assertThat(run.param("KeyName")).isEqualTo(spec.keyPair() == null ? null : spec.keyPair());
        assertThat(tags(run, "TagSpecification.1.")).isEqualTo(new TreeMap<>(blueprint.tags()));

        RecordedRequest volume = only(endpoint.requests("ec2", "CreateVolume"));
        Body data = resource(tf, "aws_ebs_volume", "data");
        assertThat(bool(volume.param("Encrypted"))).isEqualTo(data.attr("encrypted"));
        assertThat(number(volume.param("Size"))).isEqualTo(data.attr("size"));
        assertThat(volume.param("VolumeType")).isEqualTo(data.attr("type"));
        assertThat(only(endpoint.requests("ec2", "AttachVolume")).param("Device"))
                .isEqualTo(resource(tf, "aws_volume_attachment", "data").attr("device_name"));

        // Hangar's own network: the VPC, and a NAT gateway exactly when the engine made one, as the export declares.
        if (blueprint.network() != null) {
            assertThat(only(endpoint.requests("ec2", "CreateVpc")).param("CidrBlock")).isEqualTo(resource(tf, "aws_vpc", "hangar").attr("cidr_block"));
            assertThat(endpoint.requests("ec2", "CreateNatGateway").isEmpty())
                    .isEqualTo(tf.blocks("resource").stream().noneMatch(b -> b.labels().get(0).equals("aws_nat_gateway")));
            assertThat(endpoint.requests("ec2", "CreateVpcEndpoint").stream().map(r -> r.param("ServiceName")).distinct().sorted().toList())
                    .isEqualTo(tf.blocks("resource").stream().filter(b -> b.labels().get(0).equals("aws_vpc_endpoint"))
                            .map(b -> String.valueOf(b.body().attr("service_name"))).distinct().sorted().toList());
            assertThat(run.param("NetworkInterface.1.SubnetId")).as("the instance sits in Hangar's network").isNotNull();
        }

        Body sg = resource(tf, "aws_security_group", "instance");
        assertThat(sent(endpoint.requests("ec2", "AuthorizeSecurityGroupIngress"))).isEqualTo(declared(sg.blocks("ingress")));
        if (spec.egress() == Egress.ALL) {
            assertThat(endpoint.requests("ec2", "AuthorizeSecurityGroupEgress")).isEmpty();
            assertThat(endpoint.requests("ec2", "RevokeSecurityGroupEgress")).isEmpty();
            assertThat(declared(sg.blocks("egress"))).containsExactly("-1 0-0 0.0.0.0/0");
        } else {
            assertThat(sent(endpoint.requests("ec2", "AuthorizeSecurityGroupEgress"))).isEqualTo(declared(sg.blocks("egress")));
        }

        assertThat(JSON.readTree(only(endpoint.requests("iam", "CreateRole")).param("AssumeRolePolicyDocument")))
                .isEqualTo(JSON.readTree((String) resource(tf, "aws_iam_role", "instance").attr("assume_role_policy")));
        for (String[] policy : List.of(new String[] {"hangar-s3-data-access", "data_access"}, new String[] {"hangar-cloudwatch-agent", "agent"})) {
            RecordedRequest put = only(endpoint.requests("iam", "PutRolePolicy").stream().filter(r -> r.param("PolicyName").equals(policy[0])).toList());
            assertThat(JSON.readTree(put.param("PolicyDocument")))
                    .isEqualTo(JSON.readTree((String) resource(tf, "aws_iam_role_policy", policy[1]).attr("policy")));
        }
        assertThat(only(endpoint.requests("iam", "CreateRole")).param("PermissionsBoundary"))
                .isEqualTo(resource(tf, "aws_iam_role", "instance").attributes().get("permissions_boundary"));
        assertThat(endpoint.requests("iam", "AttachRolePolicy").stream().map(r -> r.param("PolicyArn")).sorted().toList())
                .isEqualTo(tf.blocks("resource").stream().filter(b -> b.labels().get(0).equals("aws_iam_role_policy_attachment"))
                        .map(b -> (String) b.body().attr("policy_arn")).sorted().toList());

        List<Block> alarms = tf.blocks("resource").stream().filter(b -> b.labels().get(0).equals("aws_cloudwatch_metric_alarm")).toList();
        List<RecordedRequest> putAlarm = endpoint.requests("cloudwatch", "PutMetricAlarm");
        assertThat(putAlarm).hasSameSizeAs(alarms);
        for (Block alarm : alarms) {
            Body declared = alarm.body();
            RecordedRequest sent = only(putAlarm.stream().filter(r -> r.param("AlarmName").equals(declared.attr("alarm_name"))).toList());
            assertThat(number(sent.param("EvaluationPeriods"))).isEqualTo(declared.attr("evaluation_periods"));
            assertThat(number(sent.param("Threshold"))).isEqualTo(declared.attr("threshold"));
            assertThat(sent.param("ComparisonOperator")).isEqualTo(declared.attr("comparison_operator"));
            assertThat(sent.param("TreatMissingData")).isEqualTo(declared.attr("treat_missing_data"));
            assertThat(List.of(sent.param("AlarmActions.member.1"))).isEqualTo(declared.attr("alarm_actions"));
            List<Block> queries = declared.blocks("metric_query");
            for (int i = 0; i < queries.size(); i++) {
                Body q = queries.get(i).body();
                String p = "Metrics.member." + (i + 1) + ".";
                assertThat(sent.param(p + "Id")).isEqualTo(q.attr("id"));
                if (q.attributes().containsKey("expression")) {
                    assertThat(sent.param(p + "Expression")).isEqualTo(q.attr("expression"));
                    assertThat(bool(sent.param(p + "ReturnData"))).isEqualTo(q.attr("return_data"));
                } else {
                    Body metric = q.block("metric").body();
                    assertThat(sent.param(p + "MetricStat.Metric.Namespace")).isEqualTo(metric.attr("namespace"));
                    assertThat(sent.param(p + "MetricStat.Metric.MetricName")).isEqualTo(metric.attr("metric_name"));
                    assertThat(sent.param(p + "MetricStat.Stat")).isEqualTo(metric.attr("stat"));
                    assertThat(number(sent.param(p + "MetricStat.Period"))).isEqualTo(metric.attr("period"));
                }
            }
        }
    }

    private static Body resource(Body tf, String type, String name) {
        return tf.block("resource", type, name).body();
    }

    private static RecordedRequest only(List<RecordedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static BigDecimal number(String value) {
        return value == null ? null : new BigDecimal(value).stripTrailingZeros().setScale(Math.max(0, new BigDecimal(value).stripTrailingZeros().scale()));
    }

    private static Boolean bool(String value) {
        return value == null ? null : Boolean.valueOf(value);
    }

    private static Map<String, String> tags(RecordedRequest r, String prefix) {
        Map<String, String> tags = new TreeMap<>();
        for (int i = 1; r.param(prefix + "Tag." + i + ".Key") != null; i++) {
            tags.put(r.param(prefix + "Tag." + i + ".Key"), r.param(prefix + "Tag." + i + ".Value"));
        }
        return tags;
    }

    /** Each rule as "protocol from-to cidr", sorted: the same text from a request's IpPermissions and an export's blocks. */
    private static List<String> sent(List<RecordedRequest> requests) {
        List<String> out = new ArrayList<>();
        for (RecordedRequest r : requests) {
            for (int i = 1; r.param("IpPermissions." + i + ".IpProtocol") != null; i++) {
                String p = "IpPermissions." + i + ".";
                String ports = r.param(p + "FromPort") + "-" + r.param(p + "ToPort");
                for (int j = 1; r.param(p + "IpRanges." + j + ".CidrIp") != null; j++) {
                    out.add(r.param(p + "IpProtocol") + " " + ports + " " + r.param(p + "IpRanges." + j + ".CidrIp"));
                }
                for (int j = 1; r.param(p + "Ipv6Ranges." + j + ".CidrIpv6") != null; j++) {
                    out.add(r.param(p + "IpProtocol") + " " + ports + " " + r.param(p + "Ipv6Ranges." + j + ".CidrIpv6"));
                }
            }
        }
        return out.stream().sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> declared(List<Block> blocks) {
        List<String> out = new ArrayList<>();
        for (Block b : blocks) {
            Body body = b.body();
            String head = body.attr("protocol") + " " + body.attr("from_port") + "-" + body.attr("to_port") + " ";
            for (String key : List.of("cidr_blocks", "ipv6_cidr_blocks")) {
                if (body.attributes().get(key) instanceof List<?> list) {
                    ((List<Object>) list).forEach(c -> out.add(head + c));
                }
            }
        }
        return out.stream().sorted().toList();
    }

}
