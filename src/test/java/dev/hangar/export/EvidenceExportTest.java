package dev.hangar.export;

import dev.hangar.review.EvidenceFactory;
import dev.hangar.blueprint.Blueprint;
import static dev.hangar.export.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.checklist.AccountFacts;
import dev.hangar.checklist.Checklist;
import dev.hangar.checklist.ChecklistReport;
import dev.hangar.preflight.PreflightCheck;
import dev.hangar.preflight.PreflightReport;
import dev.hangar.blueprint.IamPolicies;
import dev.hangar.blueprint.LaunchNames;
import dev.hangar.provision.steps.PlanFactory;
import dev.hangar.spec.LaunchSpec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class EvidenceExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static Evidence evidence(LaunchSpec spec, Blueprint stack) {
        ChecklistReport checklist = Checklist.evaluate(spec, AccountFacts.builder().ebsEncryptionByDefault(true).build(), CLOCK);
        PreflightReport preflight = new PreflightReport("123456789012", NOW.minusSeconds(30), List.of(
                new PreflightCheck("dry-run", "RunInstances dry run", PreflightCheck.Status.PASS, "allowed"),
                new PreflightCheck("vcpu-quota", "vCPU quota for G instances", PreflightCheck.Status.WARN, "8 of 8 vCPUs <in use>")));
        List<PlanStep> plan = EvidenceFactory.planSteps(PlanFactory.plan(spec, new LaunchNames(stack.launchId())));
        return new Evidence(NOW, null, checklist, preflight, plan, "about $1.01/h on demand & $8/month storage");
    }

    static ExportInput input(LaunchSpec spec) {
        Blueprint stack = Blueprint.of(spec);
        return new ExportInput(stack, evidence(spec, stack));
    }

    static Document xml(String html) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void jsonRecordsWhenWhereWhatWasFoundAndWhatALaunchDoes() throws Exception {
        LaunchSpec spec = sshSpot();
        ExportInput in = input(spec);
        JsonNode doc = JSON.readTree(new EvidenceJsonExporter().export(in));

        assertThat(doc.get("format").asText()).isEqualTo("hangar-evidence");
        assertThat(doc.get("generatedAt").asText()).isEqualTo("2026-11-26T12:00:00Z");
        assertThat(doc.get("accountId").asText()).isEqualTo("123456789012");
        assertThat(doc.get("launchId").asText()).isEqualTo(in.stack().launchId());
        assertThat(doc.at("/spec/sshCidr").asText()).isEqualTo("203.0.113.7/32");

        JsonNode findings = doc.at("/checklist/findings");
        assertThat(findings).hasSize(in.evidence().checklist().findings().size());
        JsonNode first = findings.get(0);
        assertThat(first.get("ruleId").asText()).isEqualTo("imdsv2-required");
        assertThat(first.get("controls").toString()).isEqualTo("[\"EC2.8\",\"CKV_AWS_79\"]");
        assertThat(first.get("status").asText()).isEqualTo("PASS");
        assertThat(first.get("why").asText()).isNotBlank();
        JsonNode ssm = findings.findParents("ruleId").stream().filter(f -> f.get("ruleId").asText().equals("managed-by-ssm")).findFirst().orElseThrow();
        assertThat(ssm.get("status").asText()).isEqualTo("WARN");
        assertThat(ssm.get("title").asText()).as("what was found").isEqualTo("Systems Manager cannot manage the instance (access: ssh)");
        assertThat(ssm.get("check").asText()).as("what the rule requires").isEqualTo("The instance is managed by Systems Manager");
        assertThat(ssm.at("/fix/oneClick").asBoolean()).isTrue();
        assertThat(doc.at("/checklist/hasFail").asBoolean()).isFalse();
        assertThat(doc.at("/checklist/counts/pass").asLong() + doc.at("/checklist/counts/warn").asLong()
                + doc.at("/checklist/counts/fail").asLong()).isEqualTo(findings.size());

        assertThat(doc.at("/iam/trustPolicy")).isEqualTo(JSON.readTree(IamPolicies.trustPolicy()));
        assertThat(doc.at("/iam/dataAccessPolicy")).isEqualTo(JSON.readTree(IamPolicies.dataAccessPolicy(spec)));
        assertThat(doc.at("/iam/agentPolicy")).isEqualTo(JSON.readTree(IamPolicies.cloudWatchAgentPolicy()));
        assertThat(doc.at("/securitySettings/metadataOptions/httpTokens").asText()).isEqualTo("required");
        assertThat(doc.at("/securitySettings/metadataOptions/httpPutResponseHopLimit").asInt()).isEqualTo(1);
        assertThat(doc.at("/securitySettings/rootVolume/encrypted").asBoolean()).isTrue();
        assertThat(doc.at("/securitySettings/dataVolume/encrypted").asBoolean()).isTrue();
        assertThat(doc.at("/securitySettings/securityGroup/ingress/0/cidr").asText()).isEqualTo("203.0.113.7/32");
        assertThat(doc.at("/securitySettings/network/subnetId").asText()).isEqualTo(SUBNET);
        assertThat(doc.at("/securitySettings/network/hangarNetwork").asBoolean()).isFalse();
        JsonNode isolated = JSON.readTree(new EvidenceJsonExporter().export(input(isolated()))).at("/securitySettings/network");
        assertThat(isolated.get("mode").asText()).isEqualTo("isolated");
        assertThat(isolated.get("description").asText()).startsWith("isolated: Hangar's network (VPC 10.213.0.0/16), an isolated subnet");

        assertThat(doc.at("/preflight/passed").asBoolean()).isTrue();
        assertThat(doc.at("/preflight/checks/1/detail").asText()).isEqualTo("8 of 8 vCPUs <in use>");
        List<String> steps = new ArrayList<>();
        doc.get("plan").forEach(s -> steps.add(s.get("id").asText()));
        assertThat(steps).startsWith("check-image").contains("create-role", "run-instance", "attach-data-volume", "idle-stop-alarm");
        assertThat(doc.at("/plan/0/dependsOn").isArray()).isTrue();
        assertThat(doc.at("/cost/summary").asText()).isEqualTo("about $1.01/h on demand & $8/month storage");
    }

    @Test
    void htmlIsWellFormedSelfContainedAndShowsEverySection() throws Exception {
        ExportInput in = input(ssm().toBuilder().network(dev.hangar.spec.NetworkMode.PUBLIC).build());
        String html = new EvidenceHtmlExporter().export(in);
        Document doc = xml(html);

        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
        assertThat(doc.getElementsByTagName("style").getLength()).isEqualTo(1);
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=").doesNotContain("@import")
                .doesNotContain("url(");
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains("2026-11-26T12:00:00Z", "123456789012", in.stack().launchId(), "Security checklist",
                "EC2.13, EC2.14, EC2.53, EC2.54, CKV_AWS_24, CKV_AWS_25", "Use Hangar's private network (network: private)", "one click in Hangar",
                "public: a default subnet of the region's default VPC, with a public IP", "Trust policy",
                "sts:AssumeRole", "arn:aws:s3:::my-datasets", "AmazonSSMManagedInstanceCore", "RunInstances dry run",
                "8 of 8 vCPUs <in use>", "Create IAM role hangar-" + in.stack().launchId(), "about $1.01/h on demand & $8/month storage",
                "HttpTokens=required, HttpPutResponseHopLimit=1", "\"tenancy\": \"dedicated\"");
        assertThat(html).contains("8 of 8 vCPUs &lt;in use&gt;").contains("&amp; $8/month");
        for (var f : in.evidence().checklist().findings()) {
            assertThat(text).contains(f.ruleId(), f.check(), f.title(), f.detail());
        }
        // The Check column holds what the rule requires; the Finding column what was found.
        assertThat(html).contains("<td>The instance has no public IP address<br/><code>no-public-ip</code></td>")
                .contains("<td><b>The instance gets a public IP address</b><br/>A public IPv4 address is requested.");
        NodeList rows = doc.getElementsByTagName("tr");
        assertThat(rows.getLength()).isGreaterThan(in.evidence().checklist().findings().size() + in.evidence().plan().size());
    }

    @Test
    void withoutEvidenceTheReportSaysWhatWasNotChecked() throws Exception {
        ExportInput in = ExportInput.of(Blueprint.of(ssm()));

        JsonNode doc = JSON.readTree(new EvidenceJsonExporter().export(in));
        assertThat(doc.get("accountId").isNull()).isTrue();
        assertThat(doc.get("preflight").isNull()).isTrue();
        assertThat(doc.get("plan")).isEmpty();
        assertThat(doc.get("cost").isNull()).isTrue();
        assertThat(doc.at("/checklist/findings/2/detail").asText()).startsWith("Could not check");

        String text = xml(new EvidenceHtmlExporter().export(in)).getDocumentElement().getTextContent();
        assertThat(text).contains("unknown (offline)", "Preflight did not run", "No plan was attached", "No estimate was made");
    }

    @Test
    void theAccountComesFromPreflightUnlessGiven() {
        Blueprint stack = Blueprint.of(ssm());
        Evidence fromPreflight = evidence(ssm(), stack);
        Evidence given = new Evidence(NOW, "999999999999", fromPreflight.checklist(), fromPreflight.preflight(), null, null);

        assertThat(fromPreflight.accountId()).isEqualTo("123456789012");
        assertThat(given.accountId()).isEqualTo("999999999999");
        assertThat(given.plan()).isEmpty();
    }
}
