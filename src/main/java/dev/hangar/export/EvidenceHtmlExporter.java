package dev.hangar.export;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.IdleAlarmModel;
import dev.hangar.blueprint.DataVolumeModel;
import dev.hangar.blueprint.SecurityGroupModel;
import dev.hangar.blueprint.InstanceModel;
import dev.hangar.blueprint.IamModel;
import static dev.hangar.export.HtmlText.escape;

import dev.hangar.checklist.ChecklistReport;
import dev.hangar.checklist.Finding;
import dev.hangar.checklist.Status;
import dev.hangar.preflight.PreflightCheck;
import dev.hangar.preflight.PreflightReport;
import dev.hangar.spec.LaunchSpecJson;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The evidence report as one self-contained page (inline CSS, no scripts, no external assets) that can be
 * attached to a ticket or printed. Well-formed XHTML, so XML tools read it too; every value is escaped.
 */
public final class EvidenceHtmlExporter implements Exporter {

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d232a;margin:2rem auto;max-width:72rem;padding:0 1rem}
            h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}
            table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
            th{background:#f3f5f7}pre{background:#f6f8fa;border:1px solid #d0d7de;padding:.6rem;overflow-x:auto;font-size:12px;white-space:pre-wrap}
            code{font-size:12px}.muted{color:#57606a}.badge{display:inline-block;padding:0 .4rem;border-radius:.25rem;font-weight:600;font-size:12px}
            .PASS{background:#dafbe1;color:#116329}.WARN{background:#fff8c5;color:#7d4e00}.FAIL{background:#ffebe9;color:#a40e26}
            .summary span{margin-right:1rem}
            """;

    @Override
    public ExportFormat format() {
        return ExportFormat.EVIDENCE_HTML;
    }

    @Override
    public String export(ExportInput input) {
        Blueprint stack = input.stack();
        Evidence evidence = input.evidence() != null ? input.evidence() : Evidence.offline(stack.spec(), Clock.systemUTC());
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<title>Hangar evidence: ").append(escape(stack.launchId())).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>Hangar security evidence: launch ").append(escape(stack.launchId())).append("</h1>\n");
        overview(h, stack, evidence);
        checklist(h, evidence.checklist());
        settings(h, stack);
        iam(h, stack.iam());
        preflight(h, evidence.preflight());
        plan(h, evidence.plan());
        h.append("<h2>Cost estimate</h2>\n<p>")
                .append(evidence.costSummary() == null ? "<span class=\"muted\">No estimate was made.</span>" : escape(evidence.costSummary()))
                .append("</p>\n");
        h.append("<h2>Launch spec</h2>\n<pre>").append(escape(LaunchSpecJson.write(stack.spec()))).append("</pre>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void overview(StringBuilder h, Blueprint stack, Evidence evidence) {
        ChecklistReport report = evidence.checklist();
        h.append("<table>\n");
        row(h, "Generated", escape(evidence.generatedAt().toString()));
        row(h, "AWS account", evidence.accountId() == null ? "<span class=\"muted\">unknown (offline)</span>" : escape(evidence.accountId()));
        row(h, "Region", escape(stack.region()));
        row(h, "Launch ID", escape(stack.launchId()) + (stack.launchIdDerived() ? " <span class=\"muted\">(derived from the spec)</span>" : ""));
        row(h, "Instance", escape(stack.instance().instanceType()) + " from " + escape(stack.instance().amiId()));
        row(h, "Checklist", "<span class=\"summary\">" + badge(Status.PASS, report.count(Status.PASS))
                + badge(Status.WARN, report.count(Status.WARN)) + badge(Status.FAIL, report.count(Status.FAIL)) + "</span>"
                + (report.hasFail() ? " A FAIL blocks the launch." : ""));
        h.append("</table>\n");
    }

    private static void checklist(StringBuilder h, ChecklistReport report) {
        h.append("<h2>Security checklist</h2>\n<table>\n<tr><th>Status</th><th>Check</th><th>Controls</th><th>Why it matters</th>")
                .append("<th>Finding</th><th>Fix</th></tr>\n");
        for (Finding f : report.findings()) {
            h.append("<tr><td><span class=\"badge ").append(f.status().name()).append("\">").append(f.status().name())
                    .append("</span><br/><span class=\"muted\">").append(escape(f.severity().wireName())).append("</span></td>")
                    .append("<td>").append(escape(f.check())).append("<br/><code>").append(escape(f.ruleId())).append("</code></td>")
                    .append("<td>").append(escape(String.join(", ", f.controls()))).append("</td>")
                    .append("<td>").append(escape(f.why())).append("</td>")
                    .append("<td><b>").append(escape(f.title())).append("</b><br/>").append(escape(f.detail())).append("</td><td>");
            if (f.fix() != null) {
                h.append(escape(f.fix().description()));
                if (f.fix().isOneClick()) {
                    h.append(" <span class=\"muted\">(one click in Hangar)</span>");
                }
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void settings(StringBuilder h, Blueprint stack) {
        InstanceModel i = stack.instance();
        DataVolumeModel v = stack.dataVolume();
        h.append("<h2>Security settings</h2>\n<table>\n");
        row(h, "Instance metadata", "HttpTokens=" + escape(i.httpTokens()) + ", HttpPutResponseHopLimit=" + i.httpPutResponseHopLimit());
        row(h, "Root volume", i.rootVolumeGiB() + " GiB " + escape(i.rootVolumeType()) + (i.rootEncrypted() ? ", encrypted" : ", NOT encrypted"));
        row(h, "Data volume", v.sizeGiB() + " GiB " + escape(v.volumeType()) + (v.encrypted() ? ", encrypted" : ", NOT encrypted")
                + ", at " + escape(v.device()) + (v.deleteOnTermination() ? ", deleted with the instance" : ", kept when the instance terminates"));
        row(h, "Public IP", i.associatePublicIp() ? "yes" : "no");
        row(h, "Network", escape(ExportedNetwork.describe(stack)));
        row(h, "Tenancy", escape(i.tenancy()));
        row(h, "Monitoring", (i.monitoring() ? "detailed (1 minute)" : "basic") + (i.ebsOptimized() ? "; EBS-optimised" : ""));
        SecurityGroupModel sg = stack.securityGroup();
        row(h, "Security group " + escape(sg.name()), "Inbound: " + rules(sg.ingress()) + "<br/>Outbound: " + rules(sg.egress()));
        IdleAlarmModel alarm = stack.idleAlarm();
        row(h, "Idle stop", alarm == null ? "off" : "after " + alarm.minutes() + " minutes with CPU and every GPU under "
                + Headers.number(alarm.threshold()) + " % (alarm " + escape(alarm.name()) + "); after " + stack.noGpuDataAlarm().minutes()
                + " minutes of CPU alone when the GPUs report no data (alarm " + escape(stack.noGpuDataAlarm().name()) + ")");
        h.append("</table>\n");
    }

    private static String rules(List<SecurityGroupModel.Rule> rules) {
        if (rules.isEmpty()) {
            return "none";
        }
        StringBuilder out = new StringBuilder();
        for (SecurityGroupModel.Rule r : rules) {
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append("-1".equals(r.protocol()) ? "all traffic" : escape(r.protocol().toUpperCase(Locale.ROOT)) + " " + r.fromPort())
                    .append(" ").append(r.cidr().equals(SecurityGroupModel.ANYWHERE) ? "any address" : escape(r.cidr()));
        }
        return out.toString();
    }

    private static void iam(StringBuilder h, IamModel iam) {
        h.append("<h2>IAM</h2>\n<p>Role <code>").append(escape(iam.roleName())).append("</code> in instance profile <code>")
                .append(escape(iam.instanceProfileName())).append("</code>.</p>\n");
        h.append("<h3>Trust policy</h3>\n<pre>").append(escape(iam.trustPolicy())).append("</pre>\n");
        h.append("<h3>Data-access policy <code>").append(escape(iam.dataPolicyName())).append("</code></h3>\n<pre>")
                .append(escape(iam.dataPolicy())).append("</pre>\n");
        h.append("<h3>CloudWatch agent policy <code>").append(escape(iam.agentPolicyName())).append("</code></h3>\n<pre>")
                .append(escape(iam.agentPolicy())).append("</pre>\n");
        h.append("<h3>AWS managed policies</h3>\n<ul>\n");
        iam.managedPolicyArns().forEach(arn -> h.append("<li><code>").append(escape(arn)).append("</code></li>\n"));
        h.append("</ul>\n");
    }

    private static void preflight(StringBuilder h, PreflightReport report) {
        h.append("<h2>Preflight checks</h2>\n");
        if (report == null) {
            h.append("<p class=\"muted\">Preflight did not run: this report was made without asking AWS.</p>\n");
            return;
        }
        h.append("<p>Account ").append(escape(report.accountId())).append(", checked ")
                .append(report.checkedAt() == null ? "" : escape(report.checkedAt().toString())).append(".</p>\n");
        h.append("<table>\n<tr><th>Status</th><th>Check</th><th>Detail</th></tr>\n");
        for (PreflightCheck c : report.checks()) {
            h.append("<tr><td><span class=\"badge ").append(c.status().name()).append("\">").append(c.status().name())
                    .append("</span></td><td>").append(escape(c.title())).append("<br/><code>").append(escape(c.id()))
                    .append("</code></td><td>").append(escape(c.detail())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void plan(StringBuilder h, List<PlanStep> steps) {
        h.append("<h2>Launch plan</h2>\n");
        if (steps.isEmpty()) {
            h.append("<p class=\"muted\">No plan was attached.</p>\n");
            return;
        }
        h.append("<table>\n<tr><th>#</th><th>Step</th><th>After</th></tr>\n");
        int n = 1;
        for (PlanStep s : steps) {
            h.append("<tr><td>").append(n++).append("</td><td>").append(escape(s.title())).append("<br/><code>").append(escape(s.id()))
                    .append("</code></td><td>").append(escape(String.join(", ", s.dependsOn()))).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String badge(Status status, long count) {
        return "<span class=\"badge " + status.name() + "\">" + count + " " + status.name() + "</span>";
    }

    /** {@code value} is already markup: callers escape what they put in it. */
    private static void row(StringBuilder h, String label, String value) {
        h.append("<tr><th>").append(label).append("</th><td>").append(value).append("</td></tr>\n");
    }
}
