package dev.hangar.export;

import dev.hangar.blueprint.Version;
import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.IdleAlarmModel;
import dev.hangar.blueprint.DataVolumeModel;
import dev.hangar.blueprint.SecurityGroupModel;
import dev.hangar.blueprint.InstanceModel;
import dev.hangar.blueprint.IamModel;
import dev.hangar.blueprint.UserData;
import dev.hangar.blueprint.IamPolicies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hangar.spec.Access;
import java.util.Map;

/**
 * A CloudFormation template (YAML, long-form intrinsic functions only, so any YAML parser reads it).
 * AWS::EC2::Instance has no metadata options, so a launch template carries IMDSv2 and the hop limit
 * (and the spot options, which the instance cannot take either).
 */
public final class CloudFormationExporter implements Exporter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ExportFormat format() {
        return ExportFormat.CLOUDFORMATION;
    }

    @Override
    public String export(ExportInput input) {
        Blueprint stack = input.stack();
        return comments(stack) + YamlWriter.write(template(stack));
    }

    private static String comments(Blueprint stack) {
        StringBuilder out = new StringBuilder();
        String text = Headers.summary(stack) + "\n" + Headers.launchIdNote(stack, "the resources")
                + "\nAWS::IAM::InstanceProfile takes no tags in CloudFormation; Hangar tags the profile when it launches."
                + (stack.dataVolume().deleteOnTermination()
                        ? "\ndeleteDataVolumeOnTermination: Hangar marks the attachment DeleteOnTermination, which a"
                                + "\nVolumeAttachment cannot set; deleting the stack deletes the volume either way."
                        : "")
                + (stack.network() != null ? "\n" + CloudFormationNetwork.comment(stack) : "")
                + Headers.runNote(stack);
        text.lines().forEach(l -> out.append("# ").append(l).append('\n'));
        return out.toString();
    }

    ObjectNode template(Blueprint stack) {
        ObjectNode t = NODES.objectNode();
        t.put("AWSTemplateFormatVersion", "2010-09-09");
        t.put("Description", "Hangar launch " + stack.launchId() + ": " + stack.instance().instanceType() + " in " + stack.region());
        t.set("Parameters", parameters(stack));
        if (stack.network() != null) {
            t.set("Mappings", CloudFormationNetwork.mappings(stack));
        }
        ObjectNode r = t.putObject("Resources");
        if (stack.network() != null) {
            CloudFormationNetwork.resources(r, stack);
        }
        r.set("InstanceRole", resource("AWS::IAM::Role", role(stack)));
        r.set("InstanceProfile", resource("AWS::IAM::InstanceProfile", profile(stack)));
        r.set("SecurityGroup", resource("AWS::EC2::SecurityGroup", securityGroup(stack)));
        if (stack.keyPair() != null && stack.keyPair().create()) {
            r.set("KeyPair", resource("AWS::EC2::KeyPair", keyPair(stack)));
        }
        r.set("LaunchTemplate", resource("AWS::EC2::LaunchTemplate", launchTemplate(stack)));
        ObjectNode instance = resource("AWS::EC2::Instance", instance(stack));
        if (stack.run() != null) {
            ObjectNode group = NODES.objectNode().put("LogGroupName", stack.run().logGroup())
                    .put("RetentionInDays", stack.run().logRetentionDays());
            group.set("Tags", tags(stack.tags()));
            r.set("RunLogGroup", resource("AWS::Logs::LogGroup", group));
            instance.put("DependsOn", "RunLogGroup"); // the run writes to it from the first boot
        }
        r.set("Instance", instance);
        r.set("DataVolume", resource("AWS::EC2::Volume", dataVolume(stack)));
        r.set("DataVolumeAttachment", resource("AWS::EC2::VolumeAttachment", attachment(stack)));
        if (stack.idleAlarm() != null) {
            r.set("IdleStopAlarm", resource("AWS::CloudWatch::Alarm", alarm(stack, stack.idleAlarm())));
            r.set("IdleStopNoGpuDataAlarm", resource("AWS::CloudWatch::Alarm", alarm(stack, stack.noGpuDataAlarm())));
        }
        t.set("Outputs", outputs(stack));
        return t;
    }

    private static ObjectNode parameters(Blueprint stack) {
        ObjectNode p = NODES.objectNode();
        if (stack.network() != null) {
            CloudFormationNetwork.parameters(p, stack);
        } else {
            vpcParameters(p, stack);
        }
        ObjectNode root = p.putObject("RootDeviceName").put("Type", "String").put("AllowedPattern", "/dev/[a-z0-9]+")
                .put("Description", "The root device of image " + stack.instance().amiId() + ", so the encrypted root volume replaces it: "
                        + "aws ec2 describe-images --region " + stack.region() + " --image-ids " + stack.instance().amiId()
                        + " --query Images[0].RootDeviceName");
        if (stack.instance().rootDeviceName() != null) {
            root.put("Default", stack.instance().rootDeviceName());
        }
        return p;
    }

    /** Without Hangar's network: the default VPC, or the spec's subnet and its VPC. */
    private static void vpcParameters(ObjectNode p, Blueprint stack) {
        ObjectNode vpc = p.putObject("VpcId").put("Type", "AWS::EC2::VPC::Id");
        if (stack.instance().subnetId() == null) {
            vpc.put("Description", "The default VPC of " + stack.region() + ": Hangar launches in its default subnets when the spec names no subnet.");
        } else {
            vpc.put("Description", "The VPC of subnet " + stack.instance().subnetId() + ".");
            p.putObject("SubnetId").put("Type", "AWS::EC2::Subnet::Id").put("Default", stack.instance().subnetId())
                    .put("Description", "The spec's subnet.");
        }
    }

    private static ObjectNode role(Blueprint stack) {
        IamModel iam = stack.iam();
        ObjectNode p = NODES.objectNode().put("RoleName", iam.roleName()).put("Description", iam.roleDescription());
        p.set("AssumeRolePolicyDocument", json(iam.trustPolicy()));
        ArrayNode policies = p.putArray("Policies");
        policies.addObject().put("PolicyName", iam.dataPolicyName()).set("PolicyDocument", json(iam.dataPolicy()));
        policies.addObject().put("PolicyName", iam.agentPolicyName()).set("PolicyDocument", json(iam.agentPolicy()));
        if (iam.permissionsBoundaryArn() != null) {
            p.put("PermissionsBoundary", iam.permissionsBoundaryArn());
        }
        ArrayNode managed = p.putArray("ManagedPolicyArns");
        iam.managedPolicyArns().forEach(managed::add);
        p.set("Tags", tags(stack.tags()));
        return p;
    }

    private static ObjectNode profile(Blueprint stack) {
        ObjectNode p = NODES.objectNode().put("InstanceProfileName", stack.iam().instanceProfileName());
        p.putArray("Roles").add(ref("InstanceRole"));
        return p;
    }

    private static ObjectNode securityGroup(Blueprint stack) {
        SecurityGroupModel sg = stack.securityGroup();
        ObjectNode p = NODES.objectNode().put("GroupName", sg.name()).put("GroupDescription", sg.description());
        p.set("VpcId", ref(stack.network() != null ? CloudFormationNetwork.VPC : "VpcId"));
        if (!sg.ingress().isEmpty()) {
            ArrayNode in = p.putArray("SecurityGroupIngress");
            sg.ingress().forEach(r -> in.add(rule(r)));
        }
        // Given any egress rule, CloudFormation removes the default allow-all one; with egress all it stays.
        if (!sg.egressAll()) {
            ArrayNode out = p.putArray("SecurityGroupEgress");
            sg.egress().forEach(r -> out.add(rule(r)));
        }
        p.set("Tags", tags(stack.tags()));
        return p;
    }

    private static ObjectNode rule(SecurityGroupModel.Rule r) {
        ObjectNode n = NODES.objectNode().put("IpProtocol", r.protocol()).put("FromPort", r.fromPort()).put("ToPort", r.toPort())
                .put(r.ipv6() ? "CidrIpv6" : "CidrIp", r.cidr());
        if (r.description() != null) {
            n.put("Description", r.description());
        }
        return n;
    }

    private static ObjectNode keyPair(Blueprint stack) {
        ObjectNode p = NODES.objectNode().put("KeyName", stack.keyPair().name()).put("KeyType", stack.keyPair().keyType());
        p.set("Tags", tags(stack.tags()));
        return p;
    }

    private static ObjectNode launchTemplate(Blueprint stack) {
        InstanceModel i = stack.instance();
        ObjectNode p = NODES.objectNode().put("LaunchTemplateName", stack.iam().roleName());
        p.putArray("TagSpecifications").add(tagSpecification("launch-template", stack.tags()));
        ObjectNode data = p.putObject("LaunchTemplateData");
        data.putObject("MetadataOptions").put("HttpEndpoint", i.httpEndpoint()).put("HttpTokens", i.httpTokens())
                .put("HttpPutResponseHopLimit", i.httpPutResponseHopLimit());
        if (i.spot()) {
            data.putObject("InstanceMarketOptions").put("MarketType", "spot").putObject("SpotOptions")
                    .put("SpotInstanceType", InstanceModel.SPOT_INSTANCE_TYPE)
                    .put("InstanceInterruptionBehavior", InstanceModel.SPOT_INTERRUPTION_BEHAVIOR);
        }
        data.putArray("TagSpecifications").add(tagSpecification("network-interface", stack.tags()));
        return p;
    }

    private static ObjectNode instance(Blueprint stack) {
        InstanceModel i = stack.instance();
        ObjectNode p = NODES.objectNode();
        ObjectNode template = p.putObject("LaunchTemplate");
        template.set("LaunchTemplateId", ref("LaunchTemplate"));
        template.set("Version", getAtt("LaunchTemplate", "LatestVersionNumber"));
        p.put("ImageId", i.amiId()).put("InstanceType", i.instanceType());
        p.set("IamInstanceProfile", ref("InstanceProfile"));
        ObjectNode nic = p.putArray("NetworkInterfaces").addObject().put("DeviceIndex", "0");
        if (stack.network() != null) {
            nic.set("SubnetId", ref(CloudFormationNetwork.instanceSubnet(stack)));
        } else if (i.subnetId() != null) {
            nic.set("SubnetId", ref("SubnetId"));
        }
        nic.putArray("GroupSet").add(getAtt("SecurityGroup", "GroupId"));
        nic.put("AssociatePublicIpAddress", i.associatePublicIp()).put("DeleteOnTermination", true);
        if (i.availabilityZone() != null && stack.network() == null) {
            p.put("AvailabilityZone", i.availabilityZone()); // with Hangar's network the subnet decides the zone
        }
        if (stack.keyPair() != null) {
            if (stack.keyPair().create()) {
                p.set("KeyName", ref("KeyPair"));
            } else {
                p.put("KeyName", stack.keyPair().name());
            }
        }
        p.put("Tenancy", i.tenancy()).put("Monitoring", i.monitoring()).put("EbsOptimized", i.ebsOptimized())
                .put("InstanceInitiatedShutdownBehavior", i.shutdownBehavior());
        ObjectNode root = p.putArray("BlockDeviceMappings").addObject();
        root.set("DeviceName", ref("RootDeviceName"));
        root.putObject("Ebs").put("VolumeSize", i.rootVolumeGiB()).put("VolumeType", i.rootVolumeType())
                .put("Encrypted", i.rootEncrypted()).put("DeleteOnTermination", i.rootDeleteOnTermination());
        p.putObject("UserData").put("Fn::Base64", i.userData());
        p.put("PropagateTagsToVolumeOnCreation", true);
        p.set("Tags", tags(stack.tags()));
        return p;
    }

    private static ObjectNode dataVolume(Blueprint stack) {
        DataVolumeModel v = stack.dataVolume();
        ObjectNode p = NODES.objectNode();
        p.set("AvailabilityZone", getAtt("Instance", "AvailabilityZone"));
        p.put("Size", v.sizeGiB()).put("VolumeType", v.volumeType()).put("Encrypted", v.encrypted());
        p.set("Tags", tags(v.tags()));
        return p;
    }

    private static ObjectNode attachment(Blueprint stack) {
        ObjectNode p = NODES.objectNode().put("Device", stack.dataVolume().device());
        p.set("InstanceId", ref("Instance"));
        p.set("VolumeId", ref("DataVolume"));
        return p;
    }

    private static ObjectNode alarm(Blueprint stack, IdleAlarmModel a) {
        ObjectNode p = NODES.objectNode().put("AlarmName", a.name()).put("AlarmDescription", a.description());
        ArrayNode metrics = p.putArray("Metrics");
        for (IdleAlarmModel.MetricQuery m : a.metrics()) {
            ObjectNode stat = metrics.addObject().put("Id", m.id()).put("ReturnData", false).putObject("MetricStat");
            ObjectNode metric = stat.putObject("Metric").put("Namespace", m.namespace()).put("MetricName", m.metricName());
            metric.putArray("Dimensions").addObject().put("Name", IdleAlarmModel.DIMENSION).set("Value", ref("Instance"));
            stat.put("Period", a.periodSeconds()).put("Stat", m.stat());
        }
        metrics.addObject().put("Id", IdleAlarmModel.EXPRESSION_ID).put("Expression", a.expression()).put("Label", a.description())
                .put("ReturnData", true);
        p.put("EvaluationPeriods", a.evaluationPeriods())
                .put("Threshold", a.threshold()).put("ComparisonOperator", a.comparisonOperator())
                .put("TreatMissingData", a.treatMissingData());
        p.putArray("AlarmActions").add(a.actionArn());
        p.set("Tags", tags(stack.tags()));
        return p;
    }

    private static ObjectNode outputs(Blueprint stack) {
        ObjectNode o = NODES.objectNode();
        o.putObject("InstanceId").set("Value", ref("Instance"));
        o.putObject("DataVolumeId").set("Value", ref("DataVolume"));
        if (stack.spec().access() == Access.SSM) {
            o.putObject("Connect").putObject("Value").put("Fn::Sub", "aws ssm start-session --target ${Instance} --region " + stack.region());
        }
        if (stack.keyPair() != null && stack.keyPair().create()) {
            o.putObject("PrivateKeyParameter").put("Description", "The SSM parameter that holds the new key pair's private key")
                    .putObject("Value").put("Fn::Sub", "/ec2/keypair/${KeyPair.KeyPairId}");
        }
        return o;
    }

    private static ObjectNode resource(String type, ObjectNode properties) {
        ObjectNode r = NODES.objectNode().put("Type", type);
        r.set("Properties", properties);
        return r;
    }

    private static ObjectNode tagSpecification(String resourceType, Map<String, String> tags) {
        ObjectNode spec = NODES.objectNode().put("ResourceType", resourceType);
        spec.set("Tags", tags(tags));
        return spec;
    }

    private static ArrayNode tags(Map<String, String> tags) {
        ArrayNode list = NODES.arrayNode();
        tags.forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
        return list;
    }

    private static ObjectNode ref(String name) {
        return NODES.objectNode().put("Ref", name);
    }

    private static ObjectNode getAtt(String resource, String attribute) {
        ObjectNode n = NODES.objectNode();
        n.putArray("Fn::GetAtt").add(resource).add(attribute);
        return n;
    }

    private static JsonNode json(String document) {
        try {
            return JSON.readTree(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("IamPolicies wrote a document that is not JSON", e);
        }
    }
}
