package dev.hangar.export;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.KeyPairModel;
import dev.hangar.blueprint.IdleAlarmModel;
import dev.hangar.blueprint.DataVolumeModel;
import dev.hangar.blueprint.SecurityGroupModel;
import dev.hangar.blueprint.InstanceModel;
import dev.hangar.blueprint.IamModel;
import dev.hangar.spec.Access;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Pulumi Python program (pulumi_aws): the shape of the program Hangar grew from, corrected as Hangar
 * launches it: scoped S3 policy, no open inbound port by default, encrypted root volume, hop limit 1, the
 * data volume in the instance's zone.
 */
public final class PulumiExporter implements Exporter {

    @Override
    public ExportFormat format() {
        return ExportFormat.PULUMI;
    }

    @Override
    public String export(ExportInput input) {
        Blueprint stack = input.stack();
        boolean createKey = stack.keyPair() != null && stack.keyPair().create();
        StringBuilder py = new StringBuilder();
        py.append("\"\"\"").append(Headers.summary(stack)).append("\n\n").append(Headers.launchIdNote(stack, "the resources"))
                .append(Headers.runNote(stack))
                .append(createKey ? "\nNeeds the packages pulumi, pulumi-aws and pulumi-tls" : "\nNeeds the packages pulumi and pulumi-aws")
                .append(". Resources use their own provider, so the\nstack's aws:region setting does not matter.\n\"\"\"\n\n");
        py.append("import json\n\nimport pulumi\nimport pulumi_aws as aws\n");
        if (createKey) {
            py.append("import pulumi_tls as tls\n");
        }
        py.append("\n");
        py.append("TAGS = ").append(dict(stack.tags())).append("\n\n");
        py.append("DATA_VOLUME_TAGS = ").append(dict(stack.dataVolume().tags())).append("\n\n");
        py.append("aws_provider = aws.Provider(\"aws\", region=").append(PythonText.quote(stack.region())).append(")\n");
        py.append("opts = pulumi.ResourceOptions(provider=aws_provider)\n");
        py.append("invoke_opts = pulumi.InvokeOptions(provider=aws_provider)\n\n");
        if (stack.network() != null) {
            PulumiNetwork.write(py, stack);
        }
        iam(py, stack);
        securityGroup(py, stack);
        runLogGroup(py, stack);
        keyPair(py, stack);
        instance(py, stack);
        dataVolume(py, stack);
        idleAlarm(py, stack);
        outputs(py, stack);
        return py.toString();
    }

    private static void iam(StringBuilder py, Blueprint stack) {
        IamModel iam = stack.iam();
        List<String> role = new java.util.ArrayList<>(List.of(
                kw("name", PythonText.quote(iam.roleName())),
                kw("description", PythonText.quote(iam.roleDescription())),
                kw("assume_role_policy", "json.dumps(" + PythonLiteral.ofJson(iam.trustPolicy(), 4) + ")")));
        if (iam.permissionsBoundaryArn() != null) {
            role.add(kw("permissions_boundary", PythonText.quote(iam.permissionsBoundaryArn())));
        }
        role.addAll(List.of(kw("tags", "TAGS"), kw("opts", "opts")));
        call(py, "role", "aws.iam.Role", "instance-role", role);
        py.append("# The data-access policy, exactly as Hangar puts it on the role: this bucket (and prefix) only, TLS only.\n");
        rolePolicy(py, "data_policy", "data-access", iam.dataPolicyName(), iam.dataPolicy());
        py.append("# The CloudWatch agent's policy: metrics in its own namespace only.\n");
        rolePolicy(py, "agent_policy", "cloudwatch-agent", iam.agentPolicyName(), iam.agentPolicy());
        py.append("attachments = [\n");
        for (String arn : iam.managedPolicyArns()) {
            String name = arn.substring(arn.lastIndexOf('/') + 1);
            py.append("    aws.iam.RolePolicyAttachment(").append(PythonText.quote(TerraformExporter.snake(name).replace('_', '-')))
                    .append(", role=role.name, policy_arn=").append(PythonText.quote(arn)).append(", opts=opts),\n");
        }
        py.append("]\n\n");
        call(py, "profile", "aws.iam.InstanceProfile", "instance-profile", List.of(
                kw("name", PythonText.quote(iam.instanceProfileName())), kw("role", "role.name"),
                kw("tags", "TAGS"), kw("opts", "opts")));
    }

    /** One inline policy of the role, as Hangar puts it there. */
    private static void rolePolicy(StringBuilder py, String variable, String resourceName, String policyName, String document) {
        call(py, variable, "aws.iam.RolePolicy", resourceName, List.of(
                kw("name", PythonText.quote(policyName)),
                kw("role", "role.id"),
                kw("policy", "json.dumps(" + PythonLiteral.ofJson(document, 4) + ")"),
                kw("opts", "opts")));
    }

    private static void securityGroup(StringBuilder py, Blueprint stack) {
        SecurityGroupModel sg = stack.securityGroup();
        if (stack.network() != null) {
            py.append("vpc_id = ").append(PulumiNetwork.VPC_ID).append("\n\n");
        } else if (sg.subnetId() == null) {
            py.append("vpc_id = aws.ec2.get_vpc(default=True, opts=invoke_opts).id\n\n");
        } else {
            py.append("vpc_id = aws.ec2.get_subnet(id=").append(PythonText.quote(sg.subnetId())).append(", opts=invoke_opts).vpc_id\n\n");
        }
        py.append(stack.spec().access() == Access.SSM
                ? "# No inbound rule: access is through SSM Session Manager.\n"
                : "# Inbound: SSH from " + sg.ingress().get(0).cidr() + " only.\n");
        py.append("# AWS's default allow-all outbound rule is replaced by the egress rules below.\n");
        call(py, "security_group", "aws.ec2.SecurityGroup", "instance-sg", List.of(
                kw("name", PythonText.quote(sg.name())),
                kw("description", PythonText.quote(sg.description())),
                kw("vpc_id", "vpc_id"),
                kw("ingress", rules("aws.ec2.SecurityGroupIngressArgs", sg.ingress())),
                kw("egress", rules("aws.ec2.SecurityGroupEgressArgs", sg.egress())),
                kw("tags", "TAGS"), kw("opts", "opts")));
    }

    private static String rules(String type, List<SecurityGroupModel.Rule> rules) {
        if (rules.isEmpty()) {
            return "[]";
        }
        StringBuilder out = new StringBuilder("[\n");
        for (SecurityGroupModel.Rule r : rules) {
            out.append("        ").append(type).append('(');
            if (r.description() != null) {
                out.append("description=").append(PythonText.quote(r.description())).append(", ");
            }
            out.append("from_port=").append(r.fromPort()).append(", to_port=").append(r.toPort())
                    .append(", protocol=").append(PythonText.quote(r.protocol())).append(", ")
                    .append(r.ipv6() ? "ipv6_cidr_blocks" : "cidr_blocks").append("=[").append(PythonText.quote(r.cidr())).append("]),\n");
        }
        return out.append("    ]").toString();
    }

    private static void keyPair(StringBuilder py, Blueprint stack) {
        KeyPairModel key = stack.keyPair();
        if (key == null || !key.create()) {
            return;
        }
        py.append("# A new ").append(key.keyType()).append(" key pair, as Hangar creates one; the private key is a stack secret.\n");
        py.append("ssh_key = tls.PrivateKey(\"ssh-key\", algorithm=\"ED25519\")\n\n");
        call(py, "key_pair", "aws.ec2.KeyPair", "ssh", List.of(
                kw("key_name", PythonText.quote(key.name())), kw("public_key", "ssh_key.public_key_openssh"),
                kw("tags", "TAGS"), kw("opts", "opts")));
    }

    private static void instance(StringBuilder py, Blueprint stack) {
        InstanceModel i = stack.instance();
        py.append("USER_DATA = ").append(PythonText.multiline(i.userData())).append("\n\n");
        List<String> args = new ArrayList<>(List.of(kw("ami", PythonText.quote(i.amiId())),
                kw("instance_type", PythonText.quote(i.instanceType()))));
        if (stack.network() != null) {
            args.add(kw("subnet_id", PulumiNetwork.instanceSubnetId(stack))); // the subnet decides the zone
        } else {
            if (i.subnetId() != null) {
                args.add(kw("subnet_id", PythonText.quote(i.subnetId())));
            }
            if (i.availabilityZone() != null) {
                args.add(kw("availability_zone", PythonText.quote(i.availabilityZone())));
            }
        }
        args.add(kw("vpc_security_group_ids", "[security_group.id]"));
        args.add(kw("iam_instance_profile", "profile.name"));
        args.add(kw("associate_public_ip_address", bool(i.associatePublicIp())));
        KeyPairModel key = stack.keyPair();
        if (key != null) {
            args.add(kw("key_name", key.create() ? "key_pair.key_name" : PythonText.quote(key.name())));
        }
        args.add(kw("tenancy", PythonText.quote(i.tenancy())));
        args.add(kw("monitoring", bool(i.monitoring())));
        args.add(kw("ebs_optimized", bool(i.ebsOptimized())));
        args.add(kw("instance_initiated_shutdown_behavior", PythonText.quote(i.shutdownBehavior())));
        args.add(kw("user_data", "USER_DATA"));
        args.add(kw("metadata_options", "aws.ec2.InstanceMetadataOptionsArgs(\n        http_endpoint=" + PythonText.quote(i.httpEndpoint())
                + ",\n        http_tokens=" + PythonText.quote(i.httpTokens())
                + ",\n        http_put_response_hop_limit=" + i.httpPutResponseHopLimit() + ",\n    )"));
        args.add(kw("root_block_device", "aws.ec2.InstanceRootBlockDeviceArgs(\n        volume_type=" + PythonText.quote(i.rootVolumeType())
                + ",\n        volume_size=" + i.rootVolumeGiB() + ",\n        encrypted=" + bool(i.rootEncrypted())
                + ",\n        delete_on_termination=" + bool(i.rootDeleteOnTermination()) + ",\n        tags=TAGS,\n    )"));
        if (i.spot()) {
            args.add(kw("instance_market_options", "aws.ec2.InstanceInstanceMarketOptionsArgs(\n        market_type=\"spot\",\n"
                    + "        spot_options=aws.ec2.InstanceInstanceMarketOptionsSpotOptionsArgs(\n"
                    + "            spot_instance_type=" + PythonText.quote(InstanceModel.SPOT_INSTANCE_TYPE) + ",\n"
                    + "            instance_interruption_behavior=" + PythonText.quote(InstanceModel.SPOT_INTERRUPTION_BEHAVIOR) + ",\n"
                    + "        ),\n    )"));
        }
        args.add(kw("tags", "TAGS"));
        args.add(kw("opts", "pulumi.ResourceOptions(provider=aws_provider, depends_on=[data_policy, *attachments"
                + (stack.run() == null ? "" : ", run_log_group") + "])"));
        call(py, "instance", "aws.ec2.Instance", "gpu", args);
        py.append("# Hangar tags the instance's network interface too.\n");
        py.append("for index, (key, value) in enumerate(TAGS.items()):\n");
        py.append("    aws.ec2.Tag(f\"network-interface-tag-{index}\", resource_id=instance.primary_network_interface_id, ")
                .append("key=key, value=value, opts=opts)\n\n");
    }

    private static void dataVolume(StringBuilder py, Blueprint stack) {
        DataVolumeModel v = stack.dataVolume();
        py.append("# The data volume follows the instance into its availability zone.\n");
        call(py, "data_volume", "aws.ebs.Volume", "data", List.of(
                kw("availability_zone", "instance.availability_zone"), kw("size", Integer.toString(v.sizeGiB())),
                kw("type", PythonText.quote(v.volumeType())), kw("encrypted", bool(v.encrypted())),
                kw("tags", "DATA_VOLUME_TAGS"), kw("opts", "opts")));
        if (v.deleteOnTermination()) {
            py.append("# deleteDataVolumeOnTermination: Hangar marks the attachment DeleteOnTermination, which this\n"
                    + "# resource cannot set; pulumi destroy deletes the volume either way.\n");
        }
        call(py, "data_attachment", "aws.ec2.VolumeAttachment", "data", List.of(
                kw("device_name", PythonText.quote(v.device())), kw("volume_id", "data_volume.id"),
                kw("instance_id", "instance.id"), kw("opts", "opts")));
    }

    /** The run's log group, before the instance that writes to it. */
    private static void runLogGroup(StringBuilder py, Blueprint stack) {
        if (stack.run() == null) {
            return;
        }
        call(py, "run_log_group", "aws.cloudwatch.LogGroup", "run-logs", List.of(
                kw("name", PythonText.quote(stack.run().logGroup())),
                kw("retention_in_days", Integer.toString(stack.run().logRetentionDays())),
                kw("tags", "TAGS"), kw("opts", "opts")));
    }

    private static void idleAlarm(StringBuilder py, Blueprint stack) {
        for (IdleAlarmModel a : stack.idleAlarms()) {
            boolean main = a == stack.idleAlarm();
            StringBuilder queries = new StringBuilder("[\n");
            for (IdleAlarmModel.MetricQuery m : a.metrics()) {
                queries.append("        aws.cloudwatch.MetricAlarmMetricQueryArgs(id=").append(PythonText.quote(m.id()))
                        .append(", metric=aws.cloudwatch.MetricAlarmMetricQueryMetricArgs(namespace=").append(PythonText.quote(m.namespace()))
                        .append(", metric_name=").append(PythonText.quote(m.metricName())).append(", stat=").append(PythonText.quote(m.stat()))
                        .append(", period=").append(a.periodSeconds()).append(", dimensions={").append(PythonText.quote(IdleAlarmModel.DIMENSION))
                        .append(": instance.id})),\n");
            }
            queries.append("        aws.cloudwatch.MetricAlarmMetricQueryArgs(id=").append(PythonText.quote(IdleAlarmModel.EXPRESSION_ID))
                    .append(", expression=").append(PythonText.quote(a.expression())).append(", label=").append(PythonText.quote(a.description()))
                    .append(", return_data=True),\n    ]");
            call(py, main ? "idle_alarm" : "idle_alarm_no_gpu_data", "aws.cloudwatch.MetricAlarm", main ? "idle-stop" : "idle-stop-no-gpu-data", List.of(
                    kw("name", PythonText.quote(a.name())),
                    kw("alarm_description", PythonText.quote(a.description())),
                    kw("metric_queries", queries.toString()),
                    kw("evaluation_periods", Integer.toString(a.evaluationPeriods())),
                    kw("threshold", Headers.number(a.threshold())),
                    kw("comparison_operator", PythonText.quote(a.comparisonOperator())),
                    kw("treat_missing_data", PythonText.quote(a.treatMissingData())),
                    kw("alarm_actions", "[" + PythonText.quote(a.actionArn()) + "]"),
                    kw("tags", "TAGS"), kw("opts", "opts")));
        }
    }

    private static void outputs(StringBuilder py, Blueprint stack) {
        py.append("pulumi.export(\"instance_id\", instance.id)\n");
        py.append("pulumi.export(\"data_volume_id\", data_volume.id)\n");
        if (stack.spec().access() == Access.SSM) {
            py.append("pulumi.export(\"connect\", pulumi.Output.concat(\"aws ssm start-session --target \", instance.id, ")
                    .append(PythonText.quote(" --region " + stack.region())).append("))\n");
        }
        if (stack.keyPair() != null && stack.keyPair().create()) {
            py.append("pulumi.export(\"private_key_openssh\", pulumi.Output.secret(ssh_key.private_key_openssh))\n");
        }
    }

    private static void call(StringBuilder py, String variable, String type, String logicalName, List<String> kwargs) {
        py.append(variable).append(" = ").append(type).append("(\n    ").append(PythonText.quote(logicalName)).append(",\n");
        kwargs.forEach(k -> py.append("    ").append(k).append(",\n"));
        py.append(")\n\n");
    }

    private static String kw(String name, String value) {
        return name + "=" + value;
    }

    private static String bool(boolean b) {
        return b ? "True" : "False";
    }

    private static String dict(Map<String, String> entries) {
        StringBuilder out = new StringBuilder("{\n");
        entries.forEach((k, v) -> out.append("    ").append(PythonText.quote(k)).append(": ").append(PythonText.quote(v)).append(",\n"));
        return out.append('}').toString();
    }
}
