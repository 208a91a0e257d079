package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.monitor.MonitorFixture;
import dev.hangar.monitor.RunLogWriter;
import dev.hangar.monitor.RunStateEvent;
import dev.hangar.spec.RunSpec;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code hangar logs} and the run in {@code hangar status}, on a launch with a run, against the local endpoint's CloudWatch Logs. */
@ExtendWith({LocalAwsExtension.class, TestCredentials.class})
class LogsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path home;
    private LocalAws aws;
    private MonitorFixture f;
    private String launchId;
    private RunLogWriter instance;

    @BeforeEach
    void launch(LocalAws aws) throws Exception {
        this.aws = aws;
        f = new MonitorFixture(aws, home);
        launchId = f.launch(MonitorFixture.spec().run(new RunSpec(null, "pip install -r requirements.txt", "python train.py",
                Map.of("EPOCHS", "3"), true)).build()).launchId();
        instance = new RunLogWriter(aws, launchId).createGroupAndStreams();
        aws.endpoint().clearRecord();
    }

    private InProcessCli.Result run(String... args) {
        return InProcessCli.run(aws.uri(), home, args);
    }

    @Test
    void printsTheRunsOutputAndStatesOnceInOrder() throws Exception {
        instance.state(RunStateEvent.SETTING_UP, null);
        instance.output("Collecting torch", "Successfully installed torch");
        instance.state(RunStateEvent.RUNNING, null);
        instance.output(RunLogWriter.numbered(1, 3));

        InProcessCli.Result r = run("logs", "--launch", launchId);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().lines()).containsExactly("── setting up ──", "Collecting torch", "Successfully installed torch", "── running ──",
                "step 001 loss 1.818", "step 002 loss 1.667", "step 003 loss 1.538");

        InProcessCli.Result json = run("logs", "--launch", launchId, "--json");
        List<JsonNode> rows = new ArrayList<>();
        for (String line : json.out().lines().toList()) {
            rows.add(JSON.readTree(line)); // one object a line
        }
        assertThat(rows).hasSize(7);
        assertThat(rows.get(0).get("stream").asText()).isEqualTo("state");
        assertThat(rows.get(0).get("state").asText()).isEqualTo("setting-up");
        assertThat(rows.get(1).get("stream").asText()).isEqualTo("run");
        assertThat(rows.get(1).get("message").asText()).isEqualTo("Collecting torch");
        assertThat(rows.get(1).has("state")).isFalse();
    }

    @Test
    void followPrintsEachEventOnceAcrossPollsAndEndsWhenTheRunEnds() throws Exception {
        instance.state(RunStateEvent.SETTING_UP, null);
        List<String> expected = new ArrayList<>(List.of("── setting up ──"));
        try (FollowingCli follow = new FollowingCli(aws.uri(), home, true, "logs", "--launch", launchId, "--follow")) {
            follow.awaitLines(l -> l.size() == 1, Duration.ofSeconds(30), "the first line");
            instance.state(RunStateEvent.RUNNING, null);
            expected.add("── running ──");
            for (int batch = 0; batch < 5; batch++) {
                String[] lines = RunLogWriter.numbered(batch * 7 + 1, batch * 7 + 7);
                instance.output(lines);
                expected.addAll(List.of(lines));
                follow.awaitLines(l -> l.size() >= expected.size(), Duration.ofSeconds(30), "batch " + batch);
                assertThat(follow.lines()).containsExactlyElementsOf(expected);
            }
            instance.output("saved checkpoint epoch-3.pt");
            instance.state(RunStateEvent.SUCCEEDED, 0);
            expected.addAll(List.of("saved checkpoint epoch-3.pt", "── succeeded ──"));

            assertThat(follow.awaitExit(Duration.ofSeconds(30))).as(follow.err()).isZero();
            assertThat(follow.lines()).containsExactlyElementsOf(expected);
            assertThat(follow.err()).contains("The run ended: succeeded.");
            assertThat(aws.endpoint().count("logs", "GetLogEvents")).as("several polls").isGreaterThan(10);
        }
    }

    @Test
    void followEndsCleanlyWhenInterrupted() throws Exception {
        instance.output("epoch 1");
        try (FollowingCli follow = new FollowingCli(aws.uri(), home, true, "logs", "--launch", launchId, "--follow")) {
            follow.awaitLines(l -> l.size() == 1, Duration.ofSeconds(30), "the first line");
            follow.interrupt(); // what the Ctrl-C shutdown hook does

            assertThat(follow.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(follow.lines()).containsExactly("epoch 1");
            assertThat(follow.err()).doesNotContain("error", "Exception");
        }
    }

    @Test
    void ctrlCEndsARealFollowCleanly() throws Exception {
        assertThat(sigintIgnored()).as("SIGINT is ignored in this test's JVM (started as a shell's background job?), and a JVM that"
                + " starts with it ignored never sees Ctrl-C: run the tests in the foreground").isFalse();
        instance.output("epoch 1/3 loss 1.234");
        HangarProcess p = HangarProcess.start(home.resolve("process"), Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                "AWS_EC2_METADATA_DISABLED", "true"), List.of(), "logs", "--launch", launchId, "--follow", "--endpoint-url", aws.uri().toString(),
                "--home", home.toString(), "--fast-polling");
        try {
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!java.nio.file.Files.readString(p.stdout).contains("epoch 1/3")) {
                assertThat(System.nanoTime()).as("the first line; stderr: " + java.nio.file.Files.readString(p.stderr)).isLessThan(end);
                Thread.sleep(20);
            }
            new ProcessBuilder("kill", "-INT", Long.toString(p.process.pid())).inheritIO().start().waitFor();

            assertThat(p.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as("ended").isTrue();
            assertThat(p.process.exitValue()).as("killed by SIGINT, as a shell expects").isEqualTo(130);
            assertThat(java.nio.file.Files.readString(p.stdout)).isEqualTo("epoch 1/3 loss 1.234\n");
            assertThat(java.nio.file.Files.readString(p.stderr)).doesNotContain("Exception", "error");
        } finally {
            p.process.destroyForcibly();
        }
    }

    @Test
    void aLaunchWithoutARunOrABadSinceIsExit2BeforeAnyCall() throws Exception {
        String plain = f.launch(MonitorFixture.spec().name("plain").build()).launchId();
        aws.endpoint().clearRecord();

        InProcessCli.Result noRun = run("logs", "--launch", plain);
        assertThat(noRun.exit()).isEqualTo(2);
        assertThat(noRun.err()).contains("launch " + plain + " has no run (spec field run)");

        InProcessCli.Result badSince = run("logs", "--launch", launchId, "--since", "yesterday-ish");
        assertThat(badSince.exit()).isEqualTo(2);
        assertThat(badSince.err()).contains("--since 'yesterday-ish'");
        assertThat(aws.endpoint().count("logs", "GetLogEvents")).isZero();
    }

    @Test
    void aRunWithNoOutputYetSaysSo() throws Exception {
        InProcessCli.Result r = run("logs", "--launch", f.launch(MonitorFixture.spec().name("quiet").run(
                new RunSpec(null, null, "python train.py", Map.of(), true)).build()).launchId());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("no output yet", "does not exist yet");
    }

    @Test
    void statusShowsTheRunsState() throws Exception {
        instance.state(RunStateEvent.SETTING_UP, null);
        instance.state(RunStateEvent.RUNNING, null);

        InProcessCli.Result json = run("status", "--launch", launchId, "--json");
        assertThat(json.exit()).as(json.toString()).isZero();
        JsonNode run = JSON.readTree(json.out()).get("launches").get(0).get("run");
        assertThat(run.get("state").asText()).isEqualTo("running");
        assertThat(run.get("words").asText()).isEqualTo("running");
        assertThat(run.get("exitCode").isNull()).isTrue();

        instance.state(RunStateEvent.FAILED, 2);
        InProcessCli.Result text = run("status", "--launch", launchId);
        assertThat(text.out()).contains("run " + launchId + ": failed (exit 2); the machine is stopping itself");
    }

    /** Linux: whether SIGINT (signal 2) is in this process's ignored set, which every process it starts inherits. */
    private static boolean sigintIgnored() throws java.io.IOException {
        java.nio.file.Path status = java.nio.file.Path.of("/proc/self/status");
        if (!java.nio.file.Files.isReadable(status)) {
            return false;
        }
        return java.nio.file.Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:"))
                .anyMatch(l -> (Long.parseUnsignedLong(l.substring("SigIgn:".length()).trim(), 16) & 0x2) != 0);
    }
}
