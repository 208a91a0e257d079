package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.testing.FakeRunCommand.Outcome;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.RecordedRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hangar connect --jupyter} as a user runs it, in its own process with the SDK's logging at DEBUG, with recording
 * stand-ins first on the PATH: session-manager-plugin (which, like the real one, listens on the local port, so the wait
 * for it is real) and xdg-open (which records the address it was to open). The Run Command goes through the front
 * server, which gives it AWS's lifecycle and the start script's outcome.
 */
@ExtendWith(LocalAwsExtension.class)
class JupyterCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN_ASSIGNMENT = Pattern.compile("HANGAR_JUPYTER_TOKEN='([0-9a-f]{64})'");
    private static final String LISTENING = "starting /opt/conda/envs/pytorch/bin/jupyter-lab as ubuntu on 127.0.0.1:8888\n"
            + "JupyterLab is listening on 127.0.0.1:8888 (log: /home/ubuntu/.hangar/jupyter-8888.log, unit: hangar-jupyter-8888)\n";

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

    private HangarProcess connect(boolean withStandIns, String... args) throws Exception {
        return connect(withStandIns, List.of(), args);
    }

    private HangarProcess connect(boolean withStandIns, List<String> jvmArgs, String... args) throws Exception {
        Path bin = Files.createDirectories(tools.resolve(withStandIns ? "with" : "without"));
        if (withStandIns) {
            // Records its arguments one a line (they hold JSON), listens on the local port as the real plugin does, and
            // ends once the browser has been sent to it, like a user pressing Ctrl-C.
            executable(bin.resolve("session-manager-plugin"), "#!/usr/bin/python3\n" + """
                    import json, pathlib, socket, sys, time
                    tools = pathlib.Path(sys.argv[0]).resolve().parent.parent
                    (tools / "plugin-args").write_text("".join(a + "\\n" for a in sys.argv[1:]))
                    port = int(json.loads(sys.argv[5])["Parameters"]["localPortNumber"][0])
                    server = socket.socket()
                    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                    server.bind(("127.0.0.1", port))
                    server.listen()
                    server.settimeout(0.1)
                    print("Starting session with SessionId: " + json.loads(sys.argv[1])["SessionId"], flush=True)
                    print("Port %d opened for sessionId %s." % (port, json.loads(sys.argv[1])["SessionId"]), flush=True)
                    print("Waiting for connections...", flush=True)
                    connections, deadline = 0, time.time() + 60
                    while time.time() < deadline and not (tools / "opened-url").exists():
                        try:
                            server.accept()[0].close()
                            connections += 1
                        except socket.timeout:
                            pass
                    (tools / "plugin-connections").write_text(str(connections))
                    """);
            executable(bin.resolve("xdg-open"), "#!/bin/bash\nprintf '%s\\n' \"$@\" >\"" + tools.resolve("opened-url.tmp") + "\" && mv \""
                    + tools.resolve("opened-url.tmp") + "\" \"" + tools.resolve("opened-url") + "\"\n");
        }
        Map<String, String> env = new HashMap<>(Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                "AWS_EC2_METADATA_DISABLED", "true", "PATH", bin + ":/usr/bin:/bin"));
        List<String> all = new ArrayList<>(List.of("connect", "--launch", launchId, "--jupyter", "--endpoint-url", aws.uri().toString(),
                "--home", home.toString(), "--fast-polling"));
        all.addAll(List.of(args));
        return HangarProcess.start(home.resolve("process"), env, jvmArgs, all.toArray(String[]::new));
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String tokenIn(String text) {
        Matcher m = TOKEN_ASSIGNMENT.matcher(text);
        assertThat(m.find()).as("the token assignment in " + text).isTrue();
        return m.group(1);
    }

    @Test
    void startsJupyterLabThenForwardsItsPortThenOpensTheBrowserWithTheToken() throws Exception {
        aws.runCommand().thenEnds(Outcome.success(LISTENING).afterPolls(1, 2));
        int local = freePort();

        HangarProcess p = connect(true, List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug"), "--forward", "8888:" + local);

        assertThat(p.await(Duration.ofSeconds(90))).as(p.output()).isZero();
        RecordedRequest send = aws.endpoint().requests("ssm", "SendCommand").get(0);
        JsonNode sent = JSON.readTree(send.bodyAsString());
        assertThat(send.region()).isEqualTo("us-east-1");
        assertThat(sent.get("DocumentName").asText()).isEqualTo("AWS-RunShellScript");
        assertThat(sent.get("InstanceIds")).containsExactly(JSON.getNodeFactory().textNode(instanceId));
        assertThat(sent.get("TimeoutSeconds").asInt()).isEqualTo(120);
        assertThat(sent.at("/Parameters/executionTimeout/0").asText()).isEqualTo("900");
        List<String> commands = new ArrayList<>();
        sent.at("/Parameters/commands").forEach(c -> commands.add(c.asText()));
        String token = tokenIn(String.join("\n", commands));
        assertThat(commands).contains("HANGAR_JUPYTER_USER='ubuntu' HANGAR_JUPYTER_PORT='8888' HANGAR_JUPYTER_TOKEN='" + token + "' bash \"$script\"");

        List<RecordedRequest> polls = aws.endpoint().requests("ssm", "GetCommandInvocation");
        assertThat(polls).extracting(RecordedRequest::errorCode).startsWith("InvocationDoesNotExist").endsWith((String) null).hasSize(4);
        assertThat(polls).allSatisfy(r -> assertThat(r.param("InstanceId")).isEqualTo(instanceId))
                .extracting(r -> r.param("CommandId")).containsOnly(polls.get(0).param("CommandId"));
        List<RecordedRequest> all = aws.endpoint().requests();
        assertThat(all.indexOf(aws.endpoint().requests("ssm", "StartSession").get(0))).as("the forward starts once JupyterLab listens")
                .isGreaterThan(all.indexOf(polls.get(polls.size() - 1)));

        List<String> plugin = Files.readAllLines(tools.resolve("plugin-args"));
        assertThat(plugin).hasSize(6);
        JsonNode session = JSON.readTree(plugin.get(0));
        assertThat(session.get("SessionId").asText()).startsWith("hangar-test-");
        assertThat(plugin.subList(1, 4)).containsExactly("us-east-1", "StartSession", "");
        assertThat(JSON.readTree(plugin.get(4))).isEqualTo(JSON.readTree("{\"Target\":\"" + instanceId + "\",\"DocumentName\":"
                + "\"AWS-StartPortForwardingSession\",\"Parameters\":{\"portNumber\":[\"8888\"],\"localPortNumber\":[\"" + local + "\"]}}"));
        assertThat(plugin.get(5)).isEqualTo(aws.uri().toString());
        assertThat(Integer.parseInt(Files.readString(tools.resolve("plugin-connections")))).as("Hangar waited for the port").isPositive();

        String url = "http://localhost:" + local + "/lab?token=" + token;
        assertThat(Files.readAllLines(tools.resolve("opened-url"))).containsExactly(url);
        assertThat(p.out()).doesNotContain(token);
        assertThat(p.err().lines().filter(l -> l.contains(token))).as("the address is shown once, and the token nowhere else, DEBUG logs included")
                .containsExactly("JupyterLab: " + url);
        assertThat(p.err()).contains("instance: JupyterLab is listening on 127.0.0.1:8888");
        assertThat(Files.walk(home).filter(Files::isRegularFile).filter(f -> !f.startsWith(home.resolve("process"))).map(JupyterCommandTest::read))
                .as("nor in the journal").noneMatch(text -> text.contains(token));
    }

    @Test
    void aStartThatFailsOnTheInstanceShowsWhatItSaidAndExitsOne() throws Exception {
        aws.runCommand().thenEnds(Outcome.failed(3, "JupyterLab is not installed: installing it for ubuntu with pip install --user\n",
                "hangar-jupyter: JupyterLab is not installed and cannot be: this instance cannot reach pypi.org (no internet access, as on an "
                        + "isolated network). Use an image that has JupyterLab (a Deep Learning AMI) or a network with internet access.\n"));

        HangarProcess p = connect(true);

        assertThat(p.await(Duration.ofSeconds(90))).as(p.output()).isEqualTo(1);
        assertThat(p.err()).contains("JupyterLab did not start on " + instanceId, "Failed, exit 3", "cannot reach pypi.org",
                "installing it for ubuntu").doesNotContain("Exception");
        assertThat(aws.endpoint().requests("ssm", "StartSession")).isEmpty();
        assertThat(tools.resolve("plugin-args")).doesNotExist();
        assertThat(tools.resolve("opened-url")).doesNotExist();
    }

    @Test
    void printPrintsWhatToRunAndCallsNothing() throws Exception {
        HangarProcess p = connect(false, "--print");

        assertThat(p.await(Duration.ofSeconds(60))).as(p.output()).isZero();
        List<String> lines = p.out().lines().toList();
        assertThat(lines).hasSize(3);
        List<String> words = asTheShellReads(lines.get(0));
        assertThat(words.subList(0, 14)).containsExactly("aws", "ssm", "send-command", "--region", "us-east-1", "--instance-ids", instanceId,
                "--document-name", "AWS-RunShellScript", "--comment", "Hangar: start JupyterLab (hangar connect --jupyter)",
                "--timeout-seconds", "120", "--parameters");
        JsonNode parameters = JSON.readTree(words.get(14));
        assertThat(parameters.at("/executionTimeout/0").asText()).isEqualTo("900");
        List<String> commands = new ArrayList<>();
        parameters.get("commands").forEach(c -> commands.add(c.asText()));
        String token = tokenIn(String.join("\n", commands));
        assertThat(commands).contains("HANGAR_JUPYTER_USER='ubuntu' HANGAR_JUPYTER_PORT='8888' HANGAR_JUPYTER_TOKEN='" + token + "' bash \"$script\"");
        assertThat(lines.get(1)).isEqualTo("aws ssm start-session --target " + instanceId + " --region us-east-1 --document-name "
                + "AWS-StartPortForwardingSession --parameters '{\"portNumber\":[\"8888\"],\"localPortNumber\":[\"8888\"]}'");
        assertThat(lines.get(2)).isEqualTo("http://localhost:8888/lab?token=" + token);
        assertThat(aws.endpoint().requests()).as("no AWS call at all").isEmpty();
    }

    @Test
    void aMissingPluginSaysHowToInstallItExitsTwoAndStartsNothing() throws Exception {
        HangarProcess p = connect(false);

        assertThat(p.await(Duration.ofSeconds(60))).isEqualTo(2);
        assertThat(p.err()).contains("session-manager-plugin is not installed", "Install it:", "--jupyter --print").doesNotContain("Exception");
        assertThat(aws.endpoint().requests()).isEmpty();
    }

    /** The words a POSIX shell makes of a printed command line, as the program it runs would get them. */
    private List<String> asTheShellReads(String line) throws Exception {
        Path words = tools.resolve("words");
        Process sh = new ProcessBuilder("sh", "-c", "aws() { printf '%s\\0' aws \"$@\" >\"" + words + "\"; }; " + line).start();
        assertThat(sh.waitFor()).isZero();
        return List.of(Files.readString(words).split("\0"));
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
