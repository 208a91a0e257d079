package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.LaunchState;
import dev.hangar.journal.ResourceRecord;
import dev.hangar.journal.StepState;
import dev.hangar.provision.Inventory;
import dev.hangar.provision.Launcher;
import dev.hangar.provision.Pacing;
import dev.hangar.provision.TaggedNetwork;
import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.LaunchSpecJson;
import dev.hangar.testing.Fault;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code launch} as a separate process, killed with {@code kill -9} while each mutating call of a launch
 * is in flight: the front server holds the call, the test kills the process, then the held call reaches
 * moto and acts — AWS did it, the dead process never heard, the journal says only "intended". From
 * there {@code resume} must finish the launch with exactly one of everything, and {@code destroy} must
 * leave nothing tagged with the launch. The calls are read from a clean launch's record, as in
 * {@code FaultMatrixTest}.
 */
@ExtendWith(LocalAwsExtension.class)
class CrashAndResumeTest {

    static final String BUCKET = "research-data";
    static final String KEY_NAME = "hangar-crash-key";
    static final Duration HOLD = Duration.ofMillis(1500);
    static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, Map<String, String>> TABLE = new ConcurrentHashMap<>();
    private static final List<String> ORDER = new ArrayList<>();
    private static long startedAt;

    @TempDir Path tmp;

    @BeforeAll
    static void credentials() {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    @AfterAll
    static void forgetCredentialsAndPrint() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (TABLE.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder("\n[crash] kill -9 while the call is in flight (it lands after the kill) → what then\n");
        String format = "%-36s %-22s %-22s%n";
        out.append(String.format(format, "call", "resume (+ destroy)", "destroy"));
        for (String call : ORDER) {
            Map<String, String> row = TABLE.getOrDefault(call, Map.of());
            out.append(String.format(format, call, row.getOrDefault("resume", "-"), row.getOrDefault("destroy", "-")));
        }
        out.append(String.format("[crash] %.0f s%n", (System.nanoTime() - startedAt) / 1e9));
        System.out.println(out);
    }

    static LaunchSpec spec() {
        return LaunchSpec.builder().name("crash").region(LocalAws.REGION).amiId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType("g5.xlarge")
                .dataBucket(BUCKET).dataPrefix("train/").tag("project", "nlp").access(Access.SSH).sshCidr("203.0.113.7/32")
                .keyPair(KEY_NAME).createKeyPair(true).deleteDataVolumeOnTermination(true).idleStopMinutes(60).run(Fixtures.run()).build();
    }

    private static void freshAccount(LocalAws aws) {
        aws.endpoint().clearFaults();
        aws.moto().reset();
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket(BUCKET));
        aws.endpoint().clearRecord();
    }

    @TestFactory
    Stream<DynamicTest> killedDuringEachMutatingCall(LocalAws aws) throws Exception {
        startedAt = System.nanoTime();
        freshAccount(aws);
        Path cleanHome = tmp.resolve("clean");
        var outcome = new Launcher(aws.clients(), new JournalStore(cleanHome), cleanHome, Pacing.fast(), Clock.systemUTC())
                .prepare(spec(), e -> { }).run();
        assertThat(outcome.succeeded()).as(outcome.message()).isTrue();
        Set<String> calls = new LinkedHashSet<>();
        for (RecordedRequest r : aws.endpoint().mutatingRequests()) {
            calls.add(r.service() + ":" + r.action());
        }
        // 14 kinds since the CloudWatch agent's policy is an inline PutRolePolicy, not a managed AttachRolePolicy (issue 15),
        // and 11 more since the first launch in a region makes Hangar's network (issue 16), and 3 for a run (issue 19).
        assertThat(calls).hasSizeGreaterThanOrEqualTo(28).contains("s3:PutObject", "logs:CreateLogGroup", "logs:PutRetentionPolicy");
        ORDER.clear();
        ORDER.addAll(calls);
        List<DynamicTest> tests = new ArrayList<>();
        int n = 0;
        for (String call : dev.hangar.testing.CallFilter.selected(calls)) {
            for (String then : List.of("resume", "destroy")) {
                Path home = tmp.resolve(++n + "-" + then);
                tests.add(DynamicTest.dynamicTest("kill -9 during " + call + ", then " + then, () -> crashThen(aws, home, call, then)));
            }
        }
        return tests.stream();
    }

    private void crashThen(LocalAws aws, Path home, String call, String then) throws Exception {
        long t0 = System.nanoTime();
        String service = call.substring(0, call.indexOf(':'));
        String action = call.substring(call.indexOf(':') + 1);
        String launchId = crashDuring(aws, home, service, action);
        JournalStore journal = new JournalStore(home);
        LaunchRecord crashed = journal.load(launchId).orElseThrow();
        assertThat(crashed.state()).as("the journal of the killed launch").isEqualTo(LaunchState.LAUNCHING);

        if (then.equals("resume")) {
            InProcessCli.Result resumed = InProcessCli.run(aws.uri(), home, "resume", "--launch", launchId, "--yes", "--json");
            assertThat(resumed.exit()).as(resumed.toString()).isZero();
            JsonNode result = JSON.readTree(resumed.out());
            assertThat(result.get("state").asText()).isEqualTo("succeeded");
            Inventory inv = Inventory.of(aws.clients(), LocalAws.REGION, launchId);
            assertThat(inv.duplicatesOrGaps(true, true)).as("after resume (%s)", resumed.err()).isEmpty();
            assertThat(inv.runDuplicatesOrGaps(true)).as("the run's archive and log group after resume").isEmpty();
            // Hangar's network (issue 16): one of each part, in the five zones moto offers g5.xlarge in.
            assertThat(TaggedNetwork.of(aws.clients(), LocalAws.REGION).privateNetworkProblems(5)).as("the network after resume").isEmpty();
            assertThat(inv.liveInstances().get(0).instanceId()).isEqualTo(result.get("instanceId").asText());
            LaunchRecord done = journal.load(launchId).orElseThrow();
            assertThat(done.state()).isEqualTo(LaunchState.SUCCEEDED);
            assertThat(done.steps()).allMatch(s -> s.state() == StepState.DONE);
            assertThat(done.resources()).allMatch(r -> r.state().equals(ResourceRecord.CREATED))
                    .extracting(r -> r.type() + " " + r.id()).doesNotHaveDuplicates();
            assertThat(Files.getPosixFilePermissions(home.resolve("keys").resolve(KEY_NAME + ".pem")))
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        }
        InProcessCli.Result destroyed = InProcessCli.run(aws.uri(), home, "destroy", "--launch", launchId, "--yes");
        assertThat(destroyed.exit()).as(destroyed.toString()).isZero();
        assertThat(Inventory.of(aws.clients(), LocalAws.REGION, launchId).leftovers()).as("orphans after destroy").isEmpty();
        // The network's only user is gone: what the launch made of it goes too.
        assertThat(TaggedNetwork.of(aws.clients(), LocalAws.REGION).parts()).as("network parts after destroy").isEmpty();
        LaunchRecord end = journal.load(launchId).orElseThrow();
        assertThat(end.state()).isEqualTo(LaunchState.DESTROYED);
        assertThat(end.resources()).allMatch(r -> r.state().equals(ResourceRecord.DELETED))
                .extracting(r -> r.type() + " " + r.id()).doesNotHaveDuplicates();
        assertThat(home.resolve("keys").resolve(KEY_NAME + ".pem")).doesNotExist();
        TABLE.computeIfAbsent(call, k -> new ConcurrentHashMap<>()).put(then, "ok " + (System.nanoTime() - t0) / 1_000_000 + "ms");
    }

    /** Starts {@code launch} as a process, holds {@code action}'s first call, kills the process, lets the call land; returns the launch ID. */
    private String crashDuring(LocalAws aws, Path home, String service, String action) throws Exception {
        freshAccount(aws);
        Path specFile = home.resolve("spec.json");
        Files.createDirectories(home);
        LaunchSpecJson.write(spec(), specFile);
        Fault hold = aws.endpoint().inject(Fault.on(service, action).when(p -> !"true".equalsIgnoreCase(p.get("DryRun"))).delay(HOLD));
        HangarProcess launch = startLaunch(aws, home, specFile);
        awaitArrival(launch, hold, service + ":" + action);
        launch.kill();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (aws.endpoint().count(service, action) < hold.matched() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        aws.endpoint().clearFaults();
        return onlyLaunchIn(home);
    }

    static HangarProcess startLaunch(LocalAws aws, Path home, Path specFile) throws Exception {
        return HangarProcess.start(home.resolve("process"), Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                        "AWS_EC2_METADATA_DISABLED", "true"), List.of(),
                "launch", "--spec", specFile.toString(), "--endpoint-url", aws.uri().toString(), "--home", home.toString(), "--yes", "--fast-polling");
    }

    static void awaitArrival(HangarProcess process, Fault hold, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (hold.matched() == 0) {
            if (!process.alive()) {
                throw new AssertionError("the launch ended before it reached " + what + "\n" + process.output());
            }
            if (System.nanoTime() > deadline) {
                process.kill();
                throw new AssertionError("the launch did not reach " + what + " in 90 s\n" + process.output());
            }
            Thread.sleep(5);
        }
    }

    static String onlyLaunchIn(Path home) throws Exception {
        try (Stream<Path> files = Files.list(home.resolve("launches"))) {
            List<String> ids = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).toList();
            assertThat(ids).as("journal files").hasSize(1);
            return ids.get(0);
        }
    }

    @Test
    void aLaunchKilledDuringItsRollbackIsFinishedByDestroyNotResume(LocalAws aws) throws Exception {
        freshAccount(aws);
        Path home = tmp.resolve("rollback");
        Files.createDirectories(home);
        Path specFile = home.resolve("spec.json");
        LaunchSpecJson.write(spec(), specFile);
        aws.endpoint().inject(Fault.on("ec2", "AttachVolume").always().error(403, "UnauthorizedOperation", "You are not authorized to perform this operation."));
        Fault hold = aws.endpoint().inject(Fault.on("ec2", "TerminateInstances").delay(HOLD));
        HangarProcess launch = startLaunch(aws, home, specFile);
        awaitArrival(launch, hold, "ec2:TerminateInstances during rollback");
        launch.kill();
        while (aws.endpoint().count("ec2", "TerminateInstances") < hold.matched()) {
            Thread.sleep(20);
        }
        aws.endpoint().clearFaults();
        String launchId = onlyLaunchIn(home);
        assertThat(new JournalStore(home).load(launchId).orElseThrow().state()).isEqualTo(LaunchState.ROLLING_BACK);

        InProcessCli.Result resumed = InProcessCli.run(aws.uri(), home, "resume", "--launch", launchId, "--yes");
        assertThat(resumed.exit()).as(resumed.toString()).isEqualTo(2);
        assertThat(resumed.err()).contains("was being removed").contains("destroy --launch " + launchId);

        InProcessCli.Result destroyed = InProcessCli.run(aws.uri(), home, "destroy", "--launch", launchId, "--yes");
        assertThat(destroyed.exit()).as(destroyed.toString()).isZero();
        assertThat(Inventory.of(aws.clients(), LocalAws.REGION, launchId).leftovers()).isEmpty();
    }

    @Test
    void aLaunchThatIsStillRunningCannotBeResumedOrDestroyedFromAnotherProcess(LocalAws aws) throws Exception {
        freshAccount(aws);
        Path home = tmp.resolve("busy");
        Files.createDirectories(home);
        Path specFile = home.resolve("spec.json");
        LaunchSpecJson.write(spec(), specFile);
        // Hold a read while the launch waits for its instance: the process is alive and owns the launch.
        Fault hold = aws.endpoint().inject(Fault.on("ec2", "DescribeInstances").delay(Duration.ofSeconds(6)));
        HangarProcess launch = startLaunch(aws, home, specFile);
        try {
            awaitArrival(launch, hold, "ec2:DescribeInstances");
            String launchId = onlyLaunchIn(home);

            InProcessCli.Result resumed = InProcessCli.run(aws.uri(), home, "resume", "--launch", launchId, "--yes");
            assertThat(resumed.exit()).as(resumed.toString()).isEqualTo(1);
            assertThat(resumed.err()).contains("another Hangar process");
            InProcessCli.Result destroyed = InProcessCli.run(aws.uri(), home, "destroy", "--launch", launchId, "--yes");
            assertThat(destroyed.exit()).as(destroyed.toString()).isEqualTo(1);
            assertThat(destroyed.err()).contains("another Hangar process");
            assertThat(aws.endpoint().count("ec2", "TerminateInstances")).isZero();
            assertThat(launch.alive()).isTrue();

            launch.kill();
            aws.endpoint().clearFaults();
            InProcessCli.Result after = InProcessCli.run(aws.uri(), home, "destroy", "--launch", launchId, "--yes");
            assertThat(after.exit()).as(after.toString()).isZero();
            assertThat(Inventory.of(aws.clients(), LocalAws.REGION, launchId).leftovers()).isEmpty();
        } finally {
            if (launch.alive()) {
                launch.kill();
            }
        }
    }
}
