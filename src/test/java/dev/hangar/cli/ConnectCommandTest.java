package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hangar connect} as a user runs it, in its own process, with a recording stand-in for AWS's
 * session-manager-plugin first on the PATH: the plugin gets exactly what the AWS CLI would pass it.
 */
@ExtendWith(LocalAwsExtension.class)
class ConnectCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path home;
    @TempDir Path tools;
    private LocalAws aws;
    private String launchId;
    private String instanceId;

    @BeforeEach
    void launch(LocalAws aws) throws Exception {
        this.aws = aws;
        LaunchRecord record = ConnectTestLaunch.launch(aws, home);
        launchId = record.launchId();
        instanceId = record.output("instanceId");
    }

    private HangarProcess connect(boolean withPlugin, String... args) throws Exception {
        Path bin = Files.createDirectories(tools.resolve(withPlugin ? "with" : "without"));
        if (withPlugin) {
            Path plugin = bin.resolve("session-manager-plugin");
            // Records each argument on its own line (they hold JSON with spaces), then ends like a closed session.
            Files.writeString(plugin, "#!/bin/bash\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done >\"" + tools.resolve("plugin-args") + "\"\nexit 0\n");
            Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Map<String, String> env = new HashMap<>(Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                "AWS_EC2_METADATA_DISABLED", "true", "PATH", bin + ":/usr/bin:/bin"));
        List<String> all = new java.util.ArrayList<>(List.of("connect", "--launch", launchId, "--endpoint-url", aws.uri().toString(),
                "--home", home.toString()));
        all.addAll(List.of(args));
        return HangarProcess.start(home.resolve("process"), env, List.of(), all.toArray(String[]::new));
    }

    @Test
    void aShellRunsThePluginAsTheAwsCliWould() throws Exception {
        HangarProcess p = connect(true);

        assertThat(p.await(Duration.ofSeconds(60))).as(p.output()).isZero();
        List<String> args = Files.readAllLines(tools.resolve("plugin-args"));
        RecordedRequest start = aws.endpoint().requests("ssm", "StartSession").get(0);
        assertThat(JSON.readTree(start.bodyAsString()).get("Target").asText()).isEqualTo(instanceId);
        JsonNode session = JSON.readTree(args.get(0));
        assertThat(session.get("SessionId").asText()).startsWith("hangar-test-");
        assertThat(session.get("StreamUrl").asText()).startsWith("wss://ssmmessages.us-east-1.amazonaws.com/");
        assertThat(args.subList(1, 4)).containsExactly("us-east-1", "StartSession", "");
        // The launch's own Session document: the shell runs as the login user and ends when idle.
        assertThat(JSON.readTree(args.get(4))).isEqualTo(JSON.readTree("{\"Target\":\"" + instanceId + "\",\"DocumentName\":\"hangar-"
                + launchId + "-shell\"}"));
        assertThat(JSON.readTree(start.bodyAsString()).get("DocumentName").asText()).isEqualTo("hangar-" + launchId + "-shell");
        assertThat(args.get(5)).isEqualTo(aws.uri().toString());
        assertThat(p.output()).as("the session token goes to the plugin only").doesNotContain(session.get("TokenValue").asText());
    }

    @Test
    void aPortIsForwardedWithTheAwsDocument() throws Exception {
        HangarProcess p = connect(true, "--forward", "8888:18888");

        assertThat(p.await(Duration.ofSeconds(60))).as(p.output()).isZero();
        List<String> args = Files.readAllLines(tools.resolve("plugin-args"));
        assertThat(JSON.readTree(args.get(4))).isEqualTo(JSON.readTree("{\"Target\":\"" + instanceId + "\",\"DocumentName\":"
                + "\"AWS-StartPortForwardingSession\",\"Parameters\":{\"portNumber\":[\"8888\"],\"localPortNumber\":[\"18888\"]}}"));
        JsonNode sent = JSON.readTree(aws.endpoint().requests("ssm", "StartSession").get(0).bodyAsString());
        assertThat(sent.get("DocumentName").asText()).isEqualTo("AWS-StartPortForwardingSession");
        assertThat(sent.at("/Parameters/localPortNumber/0").asText()).isEqualTo("18888");
    }

    @Test
    void printNeedsNoPluginAndCallsNothing() throws Exception {
        HangarProcess p = connect(false, "--print", "--forward", "8888");

        assertThat(p.await(Duration.ofSeconds(60))).as(p.output()).isZero();
        assertThat(p.out().strip()).isEqualTo("aws ssm start-session --target " + instanceId + " --region us-east-1 --document-name "
                + "AWS-StartPortForwardingSession --parameters '{\"portNumber\":[\"8888\"],\"localPortNumber\":[\"8888\"]}'");
        assertThat(aws.endpoint().requests("ssm", "StartSession")).isEmpty();
    }

    @Test
    void aMissingPluginSaysHowToInstallItAndExitsTwo() throws Exception {
        HangarProcess p = connect(false);

        assertThat(p.await(Duration.ofSeconds(60))).isEqualTo(2);
        assertThat(p.err()).contains("session-manager-plugin is not installed", "Install it:").doesNotContain("Exception");
        assertThat(aws.endpoint().requests("ssm", "StartSession")).isEmpty();
    }

    @Test
    void aBadPortIsNamed() throws Exception {
        HangarProcess p = connect(true, "--forward", "99999");

        assertThat(p.await(Duration.ofSeconds(60))).isEqualTo(2);
        assertThat(p.err()).contains("--forward: a port is a number from 1 to 65535");
    }
}
