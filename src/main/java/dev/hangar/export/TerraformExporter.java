package dev.hangar.export;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.KeyPairModel;
import dev.hangar.blueprint.IdleAlarmModel;
import dev.hangar.blueprint.DataVolumeModel;
import dev.hangar.blueprint.SecurityGroupModel;
import dev.hangar.blueprint.InstanceModel;
import dev.hangar.blueprint.IamModel;
import dev.hangar.spec.Access;
import java.util.Locale;

/** Terraform (hashicorp/aws) for the stack: the same resources, names, tags and settings as a Hangar launch. */
public final class TerraformExporter implements Exporter {

    @Override
    public ExportFormat format() {
        return ExportFormat.TERRAFORM;
    }

    @Override
    public String export(ExportInput input) {
        Blueprint stack = input.stack();
        HclWriter w = new HclWriter();
        w.comment(Headers.summary(stack) + "\n" + Headers.launchIdNote(stack, "the IAM role and profile, security group and alarm")
                + Headers.runNote(stack));
        w.blank();
        settings(w, stack);
        locals(w, stack);
        network(w, stack);
        iam(w, stack);
        securityGroup(w, stack);
        runLogGroup(w, stack);
        keyPair(w, stack);
        instance(w, stack);
        dataVolume(w, stack);
        idleAlarm(w, stack);
        outputs(w, stack);
        String text = w.text();
        return text.endsWith("\n\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static void settings(HclWriter w, Blueprint stack) {
        w.open("terraform").attr("required_version", "\">= 1.5\"").open("required_providers");
        provider(w, "aws", "hashicorp/aws", ">= 5.0");
        if (stack.keyPair() != null && stack.keyPair().create()) {
            provider(w, "tls", "hashicorp/tls", ">= 4.0");
        }
        w.close().close().blank();
        w.open("provider \"aws\"").string("region", stack.region()).close().blank();
    }

    private static void provider(HclWriter w, String name, String source, String version) {
        w.open(name + " =").string("source", source).string("version", version).close();
    }

    private static void locals(HclWriter w, Blueprint stack) {
        w.open("locals").object("tags", stack.tags()).object("data_volume_tags", stack.dataVolume().tags());
        if (stack.network() != null) {
            TerraformNetwork.cidrLocals(stack).forEach(w::object);
        }
        w.close().blank();
    }

    private static void network(HclWriter w, Blueprint stack) {
        if (stack.network() != null) {
            TerraformNetwork.write(w, stack);
        } else if (stack.securityGroup().subnetId() == null) {
            w.open("data \"aws_vpc\" \"default\"").attr("default", "true").close().blank();
        } else {
            w.open("data \"aws_subnet\" \"selected\"").string("id", stack.securityGroup().subnetId()).close().blank();
        }
    }

    private static String vpcId(Blueprint stack) {
        if (stack.network() != null) {
            return TerraformNetwork.VPC_ID;
        }
        return stack.securityGroup().subnetId() == null ? "data.aws_vpc.default.id" : "data.aws_subnet.selected.vpc_id";
    }

    private static void iam(HclWriter w, Blueprint stack) {
        IamModel iam = stack.iam();
        w.open("resource \"aws_iam_role\" \"instance\"")
                .string("name", iam.roleName())
                .string("description", iam.roleDescription())
                .attr("assume_role_policy", HclWriter.heredoc("POLICY", iam.trustPolicy()));
        if (iam.permissionsBoundaryArn() != null) {
            w.string("permissions_boundary", iam.permissionsBoundaryArn());
        }
        w.attr("tags", "local.tags").close().blank();
        w.comment("The data-access policy, exactly as Hangar puts it on the role: this bucket (and prefix) only, TLS only.");
        w.open("resource \"aws_iam_role_policy\" \"data_access\"")
                .string("name", iam.dataPolicyName())
                .attr("role", "aws_iam_role.instance.id")
                .attr("policy", HclWriter.heredoc("POLICY", Text.jsonWithVisibleEscapes(iam.dataPolicy())))
                .close().blank();
        w.comment("The CloudWatch agent's policy: metrics in its own namespace only.");
        w.open("resource \"aws_iam_role_policy\" \"agent\"")
                .string("name", iam.agentPolicyName())
                .attr("role", "aws_iam_role.instance.id")
                .attr("policy", HclWriter.heredoc("POLICY", iam.agentPolicy()))
                .close().blank();
        for (String arn : iam.managedPolicyArns()) {
            w.open("resource \"aws_iam_role_policy_attachment\" \"" + snake(arn.substring(arn.lastIndexOf('/') + 1)) + "\"")
                    .attr("role", "aws_iam_role.instance.name")
                    .string("policy_arn", arn)
                    .close().blank();
        }
        w.open("resource \"aws_iam_instance_profile\" \"instance\"")
                .string("name", iam.instanceProfileName())
                .attr("role", "aws_iam_role.instance.name")
                .attr("tags", "local.tags")
                .close().blank();
    }

    private static void securityGroup(HclWriter w, Blueprint stack) {
        SecurityGroupModel sg = stack.securityGroup();
        w.comment(stack.spec().access() == Access.SSM
                ? "No inbound rule: access is through SSM Session Manager. Terraform removes AWS's default allow-all\n"
                        + "outbound rule; the egress blocks below are the only traffic allowed out."
                : "Inbound: SSH from " + sg.ingress().get(0).cidr() + " only. Terraform removes AWS's default allow-all\n"
                        + "outbound rule; the egress blocks below are the only traffic allowed out.");
        w.open("resource \"aws_security_group\" \"instance\"")
                .string("name", sg.name())
                .string("description", sg.description())
                .attr("vpc_id", vpcId(stack));
        sg.ingress().forEach(r -> rule(w, "ingress", r));
        sg.egress().forEach(r -> rule(w, "egress", r));
        w.blank().attr("tags", "local.tags").close().blank();
    }

    private static void rule(HclWriter w, String direction, SecurityGroupModel.Rule r) {
        w.blank().open(direction);
        if (r.description() != null) {
            w.string("description", r.description());
        }
        w.attr("from_port", Integer.toString(r.fromPort())).attr("to_port", Integer.toString(r.toPort()))
                .string("protocol", r.protocol())
                .attr(r.ipv6() ? "ipv6_cidr_blocks" : "cidr_blocks", "[" + HclText.quote(r.cidr()) + "]")
                .close();
    }

    private static void keyPair(HclWriter w, Blueprint stack) {
        KeyPairModel key = stack.keyPair();
        if (key == null || !key.create()) {
            return;
        }
        w.comment("A new " + key.keyType() + " key pair, as Hangar creates one. The private key is kept in the Terraform\n"
                + "state: protect the state, or create the key outside Terraform and pass its public key instead.");
        w.open("resource \"tls_private_key\" \"ssh\"").string("algorithm", key.keyType().toUpperCase(Locale.ROOT)).close().blank();
        w.open("resource \"aws_key_pair\" \"ssh\"")
                .string("key_name", key.name())
                .attr("public_key", "tls_private_key.ssh.public_key_openssh")
                .attr("tags", "local.tags")
                .close().blank();
    }

    private static void instance(HclWriter w, Blueprint stack) {
        InstanceModel i = stack.instance();
        w.open("resource \"aws_instance\" \"gpu\"")
                .string("ami", i.amiId())
                .string("instance_type", i.instanceType());
        if (stack.network() != null) {
            // The subnet decides the zone: var.availability_zone, whose default is the spec's zone.
            w.attr("subnet_id", TerraformNetwork.subnetId(stack));
        } else {
            if (i.subnetId() != null) {
                w.string("subnet_id", i.subnetId());
            }
            if (i.availabilityZone() != null) {
                w.string("availability_zone", i.availabilityZone());
            }
        }
        w.attr("vpc_security_group_ids", "[aws_security_group.instance.id]")
                .attr("iam_instance_profile", "aws_iam_instance_profile.instance.name")
                .attr("associate_public_ip_address", Boolean.toString(i.associatePublicIp()));
        KeyPairModel key = stack.keyPair();
        if (key != null) {
            w.attr("key_name", key.create() ? "aws_key_pair.ssh.key_name" : HclText.quote(key.name()));
        }
        w.string("tenancy", i.tenancy())
                .attr("monitoring", Boolean.toString(i.monitoring()))
                .attr("ebs_optimized", Boolean.toString(i.ebsOptimized()))
                .string("instance_initiated_shutdown_behavior", i.shutdownBehavior())
                .attr("user_data", HclWriter.heredoc("USERDATA", i.userData()));
        w.blank().open("metadata_options")
                .string("http_endpoint", i.httpEndpoint())
                .string("http_tokens", i.httpTokens())
                .attr("http_put_response_hop_limit", Integer.toString(i.httpPutResponseHopLimit()))
                .close();
        w.blank().open("root_block_device")
                .string("volume_type", i.rootVolumeType())
                .attr("volume_size", Integer.toString(i.rootVolumeGiB()))
                .attr("encrypted", Boolean.toString(i.rootEncrypted()))
                .attr("delete_on_termination", Boolean.toString(i.rootDeleteOnTermination()))
                .attr("tags", "local.tags")
                .close();
        if (i.spot()) {
            w.blank().open("instance_market_options").string("market_type", "spot").open("spot_options")
                    .string("spot_instance_type", InstanceModel.SPOT_INSTANCE_TYPE)
                    .string("instance_interruption_behavior", InstanceModel.SPOT_INTERRUPTION_BEHAVIOR)
                    .close().close();
        }
        w.blank().attr("tags", "local.tags");
        w.blank().attr("depends_on", "[aws_iam_role_policy.data_access, aws_iam_role_policy.agent" + attachments(stack)
                + (stack.run() == null ? "" : ", aws_cloudwatch_log_group.run") + "]").close().blank();
        w.comment("Hangar tags the instance's network interface too.");
        w.open("resource \"aws_ec2_tag\" \"network_interface\"")
                .attr("for_each", "local.tags")
                .attr("resource_id", "aws_instance.gpu.primary_network_interface_id")
                .attr("key", "each.key")
                .attr("value", "each.value")
                .close().blank();
    }

    /** The run's log group, before the instance that writes to it. */
    private static void runLogGroup(HclWriter w, Blueprint stack) {
        if (stack.run() == null) {
            return;
        }
        w.open("resource \"aws_cloudwatch_log_group\" \"run\"")
                .string("name", stack.run().logGroup())
                .attr("retention_in_days", Integer.toString(stack.run().logRetentionDays()))
                .attr("tags", "local.tags")
                .close().blank();
    }

    private static String attachments(Blueprint stack) {
        StringBuilder out = new StringBuilder();
        for (String arn : stack.iam().managedPolicyArns()) {
            out.append(", aws_iam_role_policy_attachment.").append(snake(arn.substring(arn.lastIndexOf('/') + 1)));
        }
        return out.toString();
    }

    private static void dataVolume(HclWriter w, Blueprint stack) {
        DataVolumeModel v = stack.dataVolume();
        w.comment("The data volume follows the instance into its availability zone.");
        w.open("resource \"aws_ebs_volume\" \"data\"")
                .attr("availability_zone", "aws_instance.gpu.availability_zone")
                .attr("size", Integer.toString(v.sizeGiB()))
                .string("type", v.volumeType())
                .attr("encrypted", Boolean.toString(v.encrypted()))
                .attr("tags", "local.data_volume_tags")
                .close().blank();
        if (v.deleteOnTermination()) {
            w.comment("deleteDataVolumeOnTermination: Hangar marks the attachment DeleteOnTermination, which Terraform\n"
                    + "cannot set; terraform destroy deletes the volume either way.");
        }
        w.open("resource \"aws_volume_attachment\" \"data\"")
                .string("device_name", v.device())
                .attr("volume_id", "aws_ebs_volume.data.id")
                .attr("instance_id", "aws_instance.gpu.id")
                .close().blank();
    }

    private static void idleAlarm(HclWriter w, Blueprint stack) {
        for (IdleAlarmModel a : stack.idleAlarms()) {
            w.open("resource \"aws_cloudwatch_metric_alarm\" \"" + (a == stack.idleAlarm() ? "idle_stop" : "idle_stop_no_gpu_data") + "\"")
                    .string("alarm_name", a.name())
                    .string("alarm_description", a.description())
                    .attr("evaluation_periods", Integer.toString(a.evaluationPeriods()))
                    .attr("threshold", Headers.number(a.threshold()))
                    .string("comparison_operator", a.comparisonOperator())
                    .string("treat_missing_data", a.treatMissingData())
                    .attr("alarm_actions", "[" + HclText.quote(a.actionArn()) + "]")
                    .attr("tags", "local.tags");
            for (IdleAlarmModel.MetricQuery m : a.metrics()) {
                w.blank().open("metric_query").string("id", m.id()).open("metric")
                        .string("namespace", m.namespace()).string("metric_name", m.metricName()).string("stat", m.stat())
                        .attr("period", Integer.toString(a.periodSeconds()));
                w.open("dimensions =").attr(IdleAlarmModel.DIMENSION, "aws_instance.gpu.id").close().close().close();
            }
            w.blank().open("metric_query").string("id", IdleAlarmModel.EXPRESSION_ID).string("expression", a.expression())
                    .string("label", a.description()).attr("return_data", "true").close();
            w.close().blank();
        }
    }

    private static void outputs(HclWriter w, Blueprint stack) {
        w.open("output \"instance_id\"").attr("value", "aws_instance.gpu.id").close().blank();
        w.open("output \"data_volume_id\"").attr("value", "aws_ebs_volume.data.id").close().blank();
        if (stack.spec().access() == Access.SSM) {
            w.open("output \"connect\"")
                    .attr("value", "\"aws ssm start-session --target ${aws_instance.gpu.id} --region " + stack.region() + "\"")
                    .close().blank();
        }
        if (stack.keyPair() != null && stack.keyPair().create()) {
            w.open("output \"private_key_openssh\"").attr("value", "tls_private_key.ssh.private_key_openssh")
                    .attr("sensitive", "true").close().blank();
        }
    }

    /** AmazonSSMManagedInstanceCore → amazon_ssm_managed_instance_core. */
    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
