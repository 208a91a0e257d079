package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.testing.Fault;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The documented commands and exit codes, run in-process against the local endpoint. */
@ExtendWith({LocalAwsExtension.class, TestCredentials.class})
class CliAgainstEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path home;
    private LocalAws aws;
    private Path spec;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void setUp(LocalAws aws) throws Exception {
        this.aws = aws;
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("research-data"));
        aws.endpoint().clearRecord();
        spec = home.resolve("spec.json");
        Files.writeString(spec, """
                {"name": "llama", "region": "us-east-1", "amiId": "%s", "instanceType": "g5.xlarge",
                 "dataBucket": "research-data", "tenancy": "dedicated", "tags": {"project": "nlp"}}
                """.formatted(Fixtures.PYTORCH_UBUNTU_AMI));
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = HangarCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 5];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--endpoint-url", aws.uri().toString(), "--home", home.toString(), "--fast-polling"}, 0, all, args.length, 5);
        return cli.execute(all);
    }

    @Test
    void launchStatusDestroyRoundTrip() throws Exception {
        assertThat(run("launch", "--spec", spec.toString(), "--yes", "--json")).as(err.toString()).isZero();
        JsonNode result = JSON.readTree(out.toString());
        String launchId = result.get("launchId").asText();
        assertThat(result.get("instanceId").asText()).startsWith("i-");
        assertThat(result.get("region").asText()).isEqualTo("us-east-1");
        assertThat(result.get("availabilityZone").asText()).startsWith("us-east-1");
        assertThat(result.get("connect").asText()).startsWith("aws ssm start-session --target i-");
        assertThat(err.toString()).contains("✓ Start g5.xlarge instance");

        assertThat(run("status", "--json")).isZero();
        JsonNode status = JSON.readTree(out.toString()).get("launches").get(0);
        assertThat(status.get("launchId").asText()).isEqualTo(launchId);
        assertThat(status.get("state").asText()).isEqualTo("succeeded");
        assertThat(status.get("instanceState").asText()).isEqualTo("running");
        assertThat(status.get("systemStatus").asText()).isEqualTo("ok");

        assertThat(run("destroy", "--launch", launchId, "--yes")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Destroyed launch " + launchId);

        assertThat(run("status", "--launch", launchId, "--json")).isZero();
        JsonNode after = JSON.readTree(out.toString()).get("launches").get(0);
        assertThat(after.get("state").asText()).isEqualTo("destroyed");
    }

    @Test
    void anInvalidSpecExitsTwoNamingEveryFieldAndCallsNothing() throws Exception {
        Files.writeString(spec, """
                {"name": "Bad Name", "region": "us-east-1", "amiId": "ami-xyz", "instanceType": "g5.xlarge",
                 "dataBucket": "research-data", "access": "ssh", "sshCidr": "10.0.0.5/24"}
                """);
        assertThat(run("launch", "--spec", spec.toString(), "--yes")).isEqualTo(2);
        assertThat(err.toString()).contains("name:").contains("amiId:").contains("sshCidr:").contains("keyPair:");
        assertThat(aws.endpoint().requests()).isEmpty();
        assertThat(run("plan", "--spec", spec.toString())).isEqualTo(2);
        assertThat(aws.endpoint().requests()).isEmpty();
    }

    @Test
    void aMissingSpecFileIsAnInvalidSpec() {
        assertThat(run("plan", "--spec", home.resolve("nope.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--spec").contains("does not exist");
    }

    @Test
    void aFailedLaunchExitsOneAfterRollingBack() throws Exception {
        aws.endpoint().inject(Fault.on("ec2", "RunInstances").always().where("DryRun", null)
                .error(400, "Unsupported", "The requested configuration is currently not supported."));
        assertThat(run("launch", "--spec", spec.toString(), "--yes", "--json")).isEqualTo(1);
        JsonNode result = JSON.readTree(out.toString());
        assertThat(result.get("state").asText()).isEqualTo("rolled-back");
        assertThat(result.get("message").asText()).contains("does not support this combination").contains("tenancy 'default'");
        assertThat(err.toString()).contains("Rolling back").contains("removed iam-role");
    }

    @Test
    void withoutYesAndWithoutATerminalNothingIsLaunched() {
        assertThat(run("launch", "--spec", spec.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--yes");
        assertThat(aws.endpoint().requests()).isEmpty();
    }

    @Test
    void planShowsTheStepsAndTheScopedPolicyAndChangesNothing() throws Exception {
        assertThat(run("plan", "--spec", spec.toString(), "--json")).isZero();
        JsonNode plan = JSON.readTree(out.toString());
        assertThat(plan.get("steps").size()).isGreaterThan(10);
        assertThat(plan.get("dataAccessPolicy").toString()).contains("arn:aws:s3:::research-data");
        assertThat(aws.endpoint().mutatingRequests()).isEmpty();
    }

    @Test
    void planReviewsTheSpecInTheAccount() throws Exception {
        assertThat(run("plan", "--spec", spec.toString(), "--json")).as(err.toString()).isZero();
        JsonNode plan = JSON.readTree(out.toString());
        assertThat(plan.get("planOnly").asBoolean()).isFalse();
        JsonNode imds = findById(plan.at("/checklist/findings"), "imdsv2-required");
        assertThat(imds.get("status").asText()).isEqualTo("PASS");
        assertThat(imds.get("controls").toString()).contains("EC2.8").contains("CKV_AWS_79");
        JsonNode checks = plan.at("/preflight/checks");
        assertThat(findById(checks, "dry-run").get("status").asText()).isEqualTo("PASS");
        assertThat(findById(checks, "vcpu-quota").get("detail").asText()).contains("L-DB2E81BA").contains("4 vCPUs needed");
        assertThat(findById(checks, "bucket").get("status").asText()).isEqualTo("PASS");
        assertThat(plan.at("/preflight/accountId").asText()).isEqualTo(LocalAws.ACCOUNT_ID);
        assertThat(plan.at("/cost/instancePerHour").asDouble()).isGreaterThan(1.0);
        assertThat(aws.endpoint().mutatingRequests()).isEmpty();
    }

    /** Issue 16: private by default, and it works — no warning on reaching AWS, the network's cost and place shown. */
    @Test
    void aDefaultSpecsPlanHasNoWarningOnReachabilityAndShowsTheNetworkAndItsCost() throws Exception {
        assertThat(run("plan", "--spec", spec.toString(), "--json")).as(err.toString()).isZero();
        JsonNode plan = JSON.readTree(out.toString());
        for (String id : new String[] {"no-public-ip", "private-subnet", "instance-can-reach-aws", "internet-downloads"}) {
            assertThat(findById(plan.at("/checklist/findings"), id).get("status").asText()).as(id).isEqualTo("PASS");
        }
        assertThat(findById(plan.at("/preflight/checks"), "network").get("detail").asText())
                .isEqualTo("Hangar's network in us-east-1 does not exist yet: this launch creates it (private, VPC 10.213.0.0/16)");
        assertThat(plan.at("/cost/networkPerHour").asDouble()).isEqualTo(0.05, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(plan.at("/cost/network/mode").asText()).isEqualTo("private");
        assertThat(plan.at("/cost/network/perGb").asDouble()).isEqualTo(0.045);
        assertThat(plan.at("/cost/network/shared").asText()).contains("shared by every Hangar launch in us-east-1")
                .contains("hangar network destroy");
        assertThat(plan.at("/network/mode").asText()).isEqualTo("private");
        assertThat(plan.at("/network/hangarNetwork").asBoolean()).isTrue();
        assertThat(plan.at("/network/routes/0/path").asText()).isEqualTo("→ NAT gateway → internet gateway → internet");
        assertThat(plan.at("/network/diagram/0").asText()).startsWith("instance (no public IP) in Hangar's private subnet");

        assertThat(run("plan", "--spec", spec.toString())).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("  Network (private): $0.050/h — NAT gateway $0.045/h + its public IPv4 address $0.005/h")
                .contains("Where the instance sits:\n  instance (no public IP) in Hangar's private subnet in the instance's zone of VPC 10.213.0.0/16\n"
                        + "    → NAT gateway → internet gateway → internet")
                .contains("→ S3 gateway endpoint → S3").contains("← inbound: none");
        assertThat(text.lines().filter(l -> l.startsWith("  WARN") || l.startsWith("  FAIL")).toList())
                .noneMatch(l -> l.contains("public IP") || l.contains("internet") || l.contains("SSM, S3 and CloudWatch"));
        assertThat(aws.endpoint().mutatingRequests()).isEmpty();
    }

    /** Issue 17: what will be launched comes first, in the text and as a summary object in the JSON. */
    @Test
    void planSaysWhatWillBeLaunchedFirst() throws Exception {
        assertThat(run("plan", "--spec", spec.toString(), "--json")).as(err.toString()).isZero();
        JsonNode summary = JSON.readTree(out.toString()).get("summary");
        assertThat(summary.get("region").asText()).isEqualTo("us-east-1");
        assertThat(summary.get("availabilityZone").isNull()).isTrue();
        assertThat(summary.get("zones").size()).isPositive();
        assertThat(summary.get("instanceType").asText()).isEqualTo("g5.xlarge");
        assertThat(summary.at("/gpu/model").asText()).isEqualTo("A10G");
        assertThat(summary.at("/gpu/count").asInt()).isEqualTo(1);
        assertThat(summary.at("/gpu/memoryPerGpuGiB").asDouble()).isBetween(22.0, 23.0);
        assertThat(summary.get("vcpus").asInt()).isEqualTo(4);
        assertThat(summary.get("memoryGiB").asDouble()).isEqualTo(16.0);
        assertThat(summary.at("/image/id").asText()).isEqualTo(Fixtures.PYTORCH_UBUNTU_AMI);
        assertThat(summary.at("/image/name").asText()).startsWith("Deep Learning OSS Nvidia Driver AMI GPU PyTorch 2.5.1");
        assertThat(summary.at("/image/created").asText()).isEqualTo("2025-01-06T09:12:45Z");
        assertThat(summary.at("/image/drivers/0").asText()).isEqualTo("nvidia");
        assertThat(summary.get("access").asText()).isEqualTo("ssm");
        assertThat(summary.get("network").asText()).isEqualTo("private");
        assertThat(summary.get("bucket").asText()).isEqualTo("research-data");
        assertThat(summary.get("bucketAccess").asText()).isEqualTo("read-only");
        assertThat(summary.get("rootVolumeGiB").asInt()).isEqualTo(100);
        assertThat(summary.get("dataVolumeGiB").asInt()).isEqualTo(100);
        assertThat(summary.get("perHour").asDouble()).isGreaterThan(1.0);
        assertThat(summary.get("perMonth").asDouble()).isGreaterThan(700.0);
        assertThat(summary.at("/rows/0/label").asText()).isEqualTo("Region");

        assertThat(run("plan", "--spec", spec.toString())).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(2)).isEqualTo("What you are launching:");
        assertThat(lines.subList(3, 11)).extracting(l -> l.trim().split(" ")[0])
                .containsExactly("Region", "Instance", "Image", "Access", "Network", "Data", "Volumes", "Cost");
        assertThat(lines.get(4)).isEqualTo("  Instance  g5.xlarge: 1 × NVIDIA A10G, 22.4 GiB GPU memory · 4 vCPUs, 16 GiB RAM · on-demand, "
                + "dedicated hardware");
        assertThat(lines.get(5)).startsWith("  Image     Deep Learning OSS Nvidia Driver AMI GPU PyTorch 2.5.1 (Ubuntu 22.04) 20250105 ("
                + Fixtures.PYTORCH_UBUNTU_AMI + "), made 2025-01-06 (");
        assertThat(lines.get(10)).startsWith("  Cost      $").contains(" per hour, about $").endsWith(" prices)");
        assertThat(findById(JSON.readTree(runJson()).at("/preflight/checks"), "image-fits-accelerator").get("status").asText())
                .isEqualTo("PASS");
        assertThat(aws.endpoint().mutatingRequests()).isEmpty();
    }

    private String runJson() {
        assertThat(run("plan", "--spec", spec.toString(), "--json")).isZero();
        return out.toString();
    }

    @Test
    void planExitsThreeWhenTheChecklistFails() throws Exception {
        aws.clients().ec2(LocalAws.REGION).createKeyPair(k -> k.keyName("lab"));
        aws.endpoint().clearRecord();
        Files.writeString(spec, """
                {"name": "open", "region": "us-east-1", "amiId": "%s", "instanceType": "g5.xlarge", "dataBucket": "research-data",
                 "access": "ssh", "keyPair": "lab", "sshCidr": "0.0.0.0/0", "allowSshFromAnywhere": true}
                """.formatted(Fixtures.PYTORCH_UBUNTU_AMI));
        assertThat(run("plan", "--spec", spec.toString())).isEqualTo(3);
        assertThat(out.toString()).contains("FAIL").contains("EC2.13")
                .contains("  FAIL  SSH is open to the whole internet (0.0.0.0/0)")
                .contains("\nLaunch is blocked: SSH is open to the whole internet (0.0.0.0/0). Each FAIL above lists its fix.\n")
                .doesNotContain("SSH and RDP are not open");
        assertThat(run("plan", "--spec", spec.toString(), "--json")).isEqualTo(3);
        JsonNode admin = findById(JSON.readTree(out.toString()).at("/checklist/findings"), "no-admin-ports-from-anywhere");
        assertThat(admin.get("title").asText()).as("what was found").isEqualTo("SSH is open to the whole internet (0.0.0.0/0)");
        assertThat(admin.get("check").asText()).as("what the rule requires").isEqualTo("SSH and RDP are not open to the whole internet");
        assertThat(JSON.readTree(out.toString()).get("blockedBecause").asText()).isEqualTo("SSH is open to the whole internet (0.0.0.0/0)");
        assertThat(aws.endpoint().mutatingRequests()).isEmpty();
    }

    @Test
    void planFailsPreflightForAMissingBucket() throws Exception {
        Files.writeString(spec, Files.readString(spec).replace("research-data", "no-such-data"));
        assertThat(run("plan", "--spec", spec.toString(), "--json")).isEqualTo(1);
        assertThat(JSON.readTree(out.toString()).get("blockedBecause").asText()).contains("dataBucket: bucket no-such-data does not exist");
    }

    @Test
    void exportWritesTerraformAndEvidence() throws Exception {
        assertThat(run("export", "--spec", spec.toString(), "--format", "terraform")).isZero();
        assertThat(out.toString()).contains("http_tokens").contains("\"required\"").contains("tenancy").contains("arn:aws:s3:::research-data");
        Path html = home.resolve("evidence.html");
        assertThat(run("export", "--spec", spec.toString(), "--format", "evidence-html", "--out", html.toString())).isZero();
        assertThat(Files.readString(html)).contains(LocalAws.ACCOUNT_ID).contains("EC2.8");
        assertThat(run("export", "--spec", spec.toString(), "--format", "docx")).isEqualTo(2);
        assertThat(err.toString()).contains("--format");
    }

    private static JsonNode findById(JsonNode array, String id) {
        for (JsonNode n : array) {
            if (id.equals(n.get("id").asText())) {
                return n;
            }
        }
        throw new AssertionError("no " + id + " in " + array);
    }

    @Test
    void destroyOfAnUnknownLaunchIsAUsageError() {
        assertThat(run("destroy", "--launch", "nope-000000", "--yes")).isEqualTo(2);
        assertThat(err.toString()).contains("--launch: no launch nope-000000");
    }
}
