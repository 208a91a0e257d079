package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.provision.CodeFolder;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan} and {@code launch} with a spec whose {@code run.code} is a local folder, taken from the spec file's
 * folder: a missing or oversized folder exits 2 naming {@code run.code} before a single request; a good one is shown
 * in the plan and launched, with the log group in the result.
 */
@ExtendWith({LocalAwsExtension.class, TestCredentials.class})
class RunCodeCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path home;
    @TempDir Path project;
    private LocalAws aws;
    private Path spec;

    @BeforeEach
    void setUp(LocalAws aws) throws Exception {
        this.aws = aws;
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("research-data"));
        aws.endpoint().clearRecord();
        spec = project.resolve("spec.json");
        Files.createDirectories(project.resolve("code"));
        Files.writeString(project.resolve("code/train.py"), "print('training')\n");
    }

    private void writeSpec(String code) throws Exception {
        Files.writeString(spec, """
                {"name": "llama", "region": "us-east-1", "amiId": "%s", "instanceType": "g5.xlarge",
                 "dataBucket": "research-data", "dataPrefix": "train/", "network": "public",
                 "run": {"code": "%s", "setup": "pip install -r requirements.txt", "command": "python train.py",
                         "env": {"EPOCHS": "3", "LR": "0.001"}}}
                """.formatted(Fixtures.PYTORCH_UBUNTU_AMI, code));
    }

    private InProcessCli.Result run(String... args) {
        return InProcessCli.run(aws.uri(), home, args);
    }

    @Test
    void aMissingFolderExitsTwoNamingRunCodeAndCallsNothing() throws Exception {
        writeSpec("./nope");
        for (String command : new String[] {"plan", "launch"}) {
            InProcessCli.Result r = command.equals("plan") ? run("plan", "--spec", spec.toString()) : run("launch", "--spec", spec.toString(), "--yes");
            assertThat(r.exit()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).as(command).contains("run.code: folder " + project.resolve("nope") + " does not exist");
            assertThat(aws.endpoint().requests()).as(command).isEmpty();
        }
    }

    @Test
    void anOversizedFolderExitsTwoNamingRunCodeAndCallsNothing() throws Exception {
        try (RandomAccessFile sparse = new RandomAccessFile(project.resolve("code/weights.bin").toFile(), "rw")) {
            sparse.setLength(CodeFolder.MAX_BYTES + 1);
        }
        writeSpec("code");
        for (String command : new String[] {"plan", "launch"}) {
            InProcessCli.Result r = command.equals("plan") ? run("plan", "--spec", spec.toString(), "--json")
                    : run("launch", "--spec", spec.toString(), "--yes", "--json");
            assertThat(r.exit()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).as(command).contains("run.code: folder " + project.resolve("code") + " holds more than 1.0 GiB");
            assertThat(aws.endpoint().requests()).as(command).isEmpty();
        }
        assertThat(Files.exists(home.resolve("launches"))).as("no journal was begun").isFalse();
    }

    @Test
    void planShowsTheRunAndLaunchNamesItsLogGroup() throws Exception {
        writeSpec("code");
        InProcessCli.Result plan = run("plan", "--spec", spec.toString(), "--json");
        assertThat(plan.exit()).as(plan.toString()).isZero();
        JsonNode run = JSON.readTree(plan.out()).at("/summary/run");
        assertThat(run.get("code").asText()).isEqualTo(project.resolve("code").toString());
        assertThat(run.get("codeArchive").asText()).isEqualTo("s3://research-data/train/hangar/<launch id>/code.tar.gz");
        assertThat(run.get("command").asText()).isEqualTo("python train.py");
        assertThat(run.get("envNames").toString()).isEqualTo("[\"EPOCHS\",\"LR\"]");
        assertThat(plan.out()).as("env values are not shown").doesNotContain("0.001");
        assertThat(run.get("stopWhenDone").asBoolean()).isTrue();
        assertThat(run.get("logGroup").asText()).isEqualTo("/hangar/<launch id>");
        assertThat(JSON.readTree(plan.out()).at("/summary/rows").toString()).contains("\"label\":\"Run\"").contains("\"label\":\"Run access\"");
        assertThat(JSON.readTree(plan.out()).get("steps").findValuesAsText("id")).contains("upload-code", "create-log-group", "set-log-retention");

        InProcessCli.Result text = run("plan", "--spec", spec.toString());
        assertThat(text.out()).contains("Run  ").contains("command: python train.py").contains("env: EPOCHS, LR")
                .contains("the machine stops when the run ends").contains("may write to log group /hangar/<launch id>");

        InProcessCli.Result launched = run("launch", "--spec", spec.toString(), "--yes", "--json");
        assertThat(launched.exit()).as(launched.toString()).isZero();
        JsonNode result = JSON.readTree(launched.out());
        assertThat(result.get("logGroup").asText()).isEqualTo("/hangar/" + result.get("launchId").asText());
        assertThat(aws.clients().s3(LocalAws.REGION).headObject(r -> r.bucket("research-data")
                .key("train/hangar/" + result.get("launchId").asText() + "/code.tar.gz")).contentLength()).isPositive();
    }
}
