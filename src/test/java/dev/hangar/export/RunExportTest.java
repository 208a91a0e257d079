package dev.hangar.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hangar.blueprint.Blueprint;
import dev.hangar.export.Hcl.Body;
import dev.hangar.export.Hcl.Ref;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.RunSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A spec with a run in each infrastructure export: the log group with its retention and the launch's tags, made
 * before the instance; the role's statement that writes to it; and, for a local run.code, the header naming the exact
 * key to upload the code to (the upload itself is not infrastructure).
 */
class RunExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static LaunchSpec spec(String code) {
        return Fixtures.valid(Fixtures.base().dataPrefix("runs/").tag("project", "nlp")
                .run(new RunSpec(code, "pip install -r requirements.txt", "python train.py", Map.of("EPOCHS", "3"), true)).build());
    }

    private static Blueprint stack(LaunchSpec spec) {
        return Blueprint.of(spec);
    }

    private static String logGroup(LaunchSpec spec) {
        return "/hangar/" + stack(spec).launchId();
    }

    @Test
    void terraformMakesTheLogGroupBeforeTheInstance() throws Exception {
        LaunchSpec spec = spec("/home/me/llama");
        String text = new TerraformExporter().export(ExportInput.of(stack(spec)));
        Body tf = Hcl.parse(text);
        Body group = tf.block("resource", "aws_cloudwatch_log_group", "run").body();
        assertThat(group.attr("name")).isEqualTo(logGroup(spec));
        assertThat(group.attr("retention_in_days")).isEqualTo(BigDecimal.valueOf(30));
        assertThat(group.attr("tags")).isEqualTo(new Ref("local.tags"));
        assertThat(tf.block("resource", "aws_instance", "gpu").body().attr("depends_on").toString()).contains("aws_cloudwatch_log_group.run");
        String agent = (String) tf.block("resource", "aws_iam_role_policy", "agent").body().attr("policy");
        assertThat(JSON.readTree(agent)).isEqualTo(JSON.readTree(stack(spec).iam().agentPolicy()));
        assertThat(agent).contains("WriteRunLogs").contains("log-group:" + logGroup(spec) + ":*");
        assertThat(text).contains("to exactly s3://my-datasets/runs/hangar/" + stack(spec).launchId() + "/code.tar.gz\n");
        assertThat(text).contains("upload it packed as tar.gz");
    }

    @Test
    void pulumiMakesTheLogGroupBeforeTheInstance() throws Exception {
        LaunchSpec spec = spec("/home/me/llama");
        String program = new PulumiExporter().export(ExportInput.of(stack(spec)));
        Python.compile(program);
        JsonNode declared = Python.declared(program);
        JsonNode group = PulumiExportTest.resource(declared, "aws.cloudwatch.LogGroup", "run-logs");
        assertThat(group.get("name").asText()).isEqualTo(logGroup(spec));
        assertThat(group.get("retention_in_days").asInt()).isEqualTo(30);
        assertThat(group.get("tags").get("hangar:launch-id").asText()).isEqualTo(stack(spec).launchId());
        assertThat(program).contains("depends_on=[data_policy, *attachments, run_log_group]");
        assertThat(program).contains("s3://my-datasets/runs/hangar/" + stack(spec).launchId() + "/code.tar.gz");
    }

    @Test
    void cloudFormationMakesTheLogGroupBeforeTheInstance() throws Exception {
        LaunchSpec spec = spec("s3://team-code/llama/");
        String text = new CloudFormationExporter().export(ExportInput.of(stack(spec)));
        JsonNode t = new YAMLMapper().readTree(text);
        JsonNode group = t.at("/Resources/RunLogGroup");
        assertThat(group.get("Type").asText()).isEqualTo("AWS::Logs::LogGroup");
        assertThat(group.at("/Properties/LogGroupName").asText()).isEqualTo(logGroup(spec));
        assertThat(group.at("/Properties/RetentionInDays").asInt()).isEqualTo(30);
        assertThat(group.at("/Properties/Tags").toString()).contains("hangar:launch-id");
        assertThat(t.at("/Resources/Instance/DependsOn").asText()).isEqualTo("RunLogGroup");
        assertThat(t.at("/Resources/InstanceRole/Properties/Policies/1/PolicyDocument"))
                .isEqualTo(JSON.readTree(stack(spec).iam().agentPolicy()));
        assertThat(t.at("/Resources/InstanceRole/Properties/Policies/0/PolicyDocument").toString()).contains("ReadRunCode");
        String header = String.join("\n", text.lines().takeWhile(l -> l.startsWith("#")).toList());
        assertThat(header).as("code in S3 needs no upload").doesNotContain("code.tar.gz").contains("# The run writes to log group");
    }

    @Test
    void withoutARunNothingChanges() {
        String text = new TerraformExporter().export(ExportInput.of(stack(Fixtures.ssm())));
        assertThat(text).doesNotContain("aws_cloudwatch_log_group").doesNotContain("WriteRunLogs");
    }
}
