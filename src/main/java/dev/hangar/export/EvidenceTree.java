package dev.hangar.export;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.IdleAlarmModel;
import dev.hangar.blueprint.DataVolumeModel;
import dev.hangar.blueprint.SecurityGroupModel;
import dev.hangar.blueprint.InstanceModel;
import dev.hangar.blueprint.IamModel;
import dev.hangar.blueprint.IamPolicies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hangar.checklist.ChecklistReport;
import dev.hangar.checklist.Finding;
import dev.hangar.preflight.PreflightCheck;
import dev.hangar.preflight.PreflightReport;
import dev.hangar.spec.LaunchSpecJson;
import java.util.List;

/** The evidence report as a JSON tree: what was reviewed, what was found, and what a launch does. */
final class EvidenceTree {

    static final String FORMAT = "hangar-evidence";
    static final int FORMAT_VERSION = 1;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvidenceTree() {
    }

    static ObjectNode of(Blueprint stack, Evidence evidence) {
        ObjectNode doc = NODES.objectNode();
        doc.put("format", FORMAT).put("formatVersion", FORMAT_VERSION);
        doc.put("generatedAt", evidence.generatedAt().toString());
        doc.put("accountId", evidence.accountId());
        doc.put("launchId", stack.launchId()).put("launchIdDerived", stack.launchIdDerived());
        doc.put("region", stack.region());
        doc.set("spec", LaunchSpecJson.toTree(stack.spec()));
        doc.set("checklist", checklist(evidence.checklist()));
        doc.set("iam", iam(stack.iam()));
        doc.set("securitySettings", settings(stack));
        doc.set("preflight", preflight(evidence.preflight()));
        doc.set("plan", plan(evidence.plan()));
        doc.set("cost", evidence.costSummary() == null ? NODES.nullNode() : NODES.objectNode().put("summary", evidence.costSummary()));
        return doc;
    }

    private static ObjectNode checklist(ChecklistReport report) {
        ObjectNode c = NODES.objectNode();
        c.put("hasFail", report.hasFail());
        ObjectNode counts = c.putObject("counts");
        report.counts().forEach((status, n) -> counts.put(status.name().toLowerCase(java.util.Locale.ROOT), n));
        ArrayNode findings = c.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode n = findings.addObject().put("ruleId", f.ruleId()).put("title", f.title()).put("check", f.check())
                    .put("status", f.status().name()).put("severity", f.severity().wireName());
            ArrayNode controls = n.putArray("controls");
            f.controls().forEach(controls::add);
            n.put("why", f.why()).put("detail", f.detail());
            if (f.fix() != null) {
                n.putObject("fix").put("description", f.fix().description()).put("oneClick", f.fix().isOneClick());
            } else {
                n.putNull("fix");
            }
        }
        return c;
    }

    private static ObjectNode iam(IamModel iam) {
        ObjectNode n = NODES.objectNode().put("roleName", iam.roleName()).put("instanceProfileName", iam.instanceProfileName());
        n.set("trustPolicy", json(iam.trustPolicy()));
        n.put("dataAccessPolicyName", iam.dataPolicyName());
        n.set("dataAccessPolicy", json(iam.dataPolicy()));
        n.put("agentPolicyName", iam.agentPolicyName());
        n.set("agentPolicy", json(iam.agentPolicy()));
        n.put("permissionsBoundaryArn", iam.permissionsBoundaryArn());
        ArrayNode arns = n.putArray("managedPolicyArns");
        iam.managedPolicyArns().forEach(arns::add);
        return n;
    }

    private static ObjectNode settings(Blueprint stack) {
        InstanceModel i = stack.instance();
        ObjectNode n = NODES.objectNode();
        n.putObject("metadataOptions").put("httpEndpoint", i.httpEndpoint()).put("httpTokens", i.httpTokens())
                .put("httpPutResponseHopLimit", i.httpPutResponseHopLimit());
        n.putObject("rootVolume").put("sizeGiB", i.rootVolumeGiB()).put("type", i.rootVolumeType()).put("encrypted", i.rootEncrypted());
        DataVolumeModel v = stack.dataVolume();
        n.putObject("dataVolume").put("sizeGiB", v.sizeGiB()).put("type", v.volumeType()).put("encrypted", v.encrypted())
                .put("device", v.device()).put("deleteOnTermination", v.deleteOnTermination());
        n.put("detailedMonitoring", i.monitoring()).put("ebsOptimized", i.ebsOptimized())
                .put("associatePublicIp", i.associatePublicIp()).put("tenancy", i.tenancy());
        n.putObject("network").put("mode", stack.spec().network() == null ? null : stack.spec().network().wireName())
                .put("subnetId", stack.spec().subnetId()).put("hangarNetwork", stack.network() != null)
                .put("description", ExportedNetwork.describe(stack));
        SecurityGroupModel sg = stack.securityGroup();
        ObjectNode group = n.putObject("securityGroup").put("name", sg.name());
        group.set("ingress", rules(sg.ingress()));
        group.set("egress", rules(sg.egress()));
        IdleAlarmModel alarm = stack.idleAlarm();
        n.set("idleStop", alarm == null ? NODES.nullNode() : NODES.objectNode().put("alarmName", alarm.name())
                .put("minutes", alarm.minutes()).put("cpuBelowPercent", alarm.threshold()).put("gpusBelowPercent", alarm.threshold())
                .put("expression", alarm.expression()).put("noGpuDataAlarmName", stack.noGpuDataAlarm().name())
                .put("noGpuDataMinutes", stack.noGpuDataAlarm().minutes()));
        return n;
    }

    private static ArrayNode rules(List<SecurityGroupModel.Rule> rules) {
        ArrayNode list = NODES.arrayNode();
        rules.forEach(r -> list.addObject().put("protocol", r.protocol()).put("fromPort", r.fromPort()).put("toPort", r.toPort())
                .put("cidr", r.cidr()).put("description", r.description()));
        return list;
    }

    private static JsonNode preflight(PreflightReport report) {
        if (report == null) {
            return NODES.nullNode();
        }
        ObjectNode n = NODES.objectNode().put("accountId", report.accountId())
                .put("checkedAt", report.checkedAt() == null ? null : report.checkedAt().toString()).put("passed", report.passed());
        ArrayNode checks = n.putArray("checks");
        for (PreflightCheck c : report.checks()) {
            checks.addObject().put("id", c.id()).put("title", c.title()).put("status", c.status().name()).put("detail", c.detail());
        }
        return n;
    }

    private static ArrayNode plan(List<PlanStep> steps) {
        ArrayNode list = NODES.arrayNode();
        for (PlanStep s : steps) {
            ObjectNode n = list.addObject().put("id", s.id()).put("title", s.title());
            ArrayNode deps = n.putArray("dependsOn");
            s.dependsOn().forEach(deps::add);
        }
        return list;
    }

    private static JsonNode json(String document) {
        try {
            return JSON.readTree(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("IamPolicies wrote a document that is not JSON", e);
        }
    }
}
