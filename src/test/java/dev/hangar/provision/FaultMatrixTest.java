package dev.hangar.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.aws.AwsClients;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.LaunchState;
import dev.hangar.journal.ResourceKind;
import dev.hangar.journal.ResourceRecord;
import dev.hangar.journal.StepState;
import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.testing.Fault;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.IpPermission;

/**
 * Every mutating call a launch makes, under every kind of fault: the launch either completes with
 * exactly one of everything, or rolls back leaving nothing tagged with its launch ID.
 *
 * <p>The calls are not listed here: they are read from the record of a clean launch of a spec that
 * uses every optional step (SSH with a created key pair, data volume deleted on termination, idle
 * alarm, a run with a local code folder), so a call added to the engine joins the matrix by itself. Each cell starts from an empty
 * moto and a fresh Hangar home, injects one fault on the call, launches, waits until every call the
 * fault held has been answered (a delayed call lands after the client gave up on it), then compares
 * what the account holds with what the journal says.
 */
@ExtendWith(LocalAwsExtension.class)
class FaultMatrixTest {

    /** A kind of fault, and whether a launch must get through it. */
    enum Kind {
        HTTP_500("500 x1", true),
        THROTTLED("throttle x3", true),
        RESET("reset x1", true),
        RESPONSE_LOST("resp-lost x1", true),
        SLOW("slow 2s", true),
        PERMANENT("4xx", false);

        final String label;
        final boolean transient_;

        Kind(String label, boolean transientFault) {
            this.label = label;
            this.transient_ = transientFault;
        }

        Fault on(String service, String action) {
            // DryRun checks are not the call under test (and create nothing).
            Fault f = Fault.on(service, action).when(p -> !"true".equalsIgnoreCase(p.get("DryRun")));
            boolean ec2 = service.equals("ec2");
            return switch (this) {
                case HTTP_500 -> f.error(500, "InternalError", "We encountered an internal error. Please try again.");
                case THROTTLED -> f.times(3).error(ec2 ? 503 : 400, ec2 ? "RequestLimitExceeded" : "Throttling",
                        ec2 ? "Request limit exceeded." : "Rate exceeded");
                case RESET -> f.connectionReset();
                case RESPONSE_LOST -> f.responseLost();
                case SLOW -> f.delay(SLOW_DELAY);
                case PERMANENT -> ec2 ? f.error(403, "UnauthorizedOperation", "You are not authorized to perform this operation.")
                        : f.error(403, "AccessDenied", "User: arn:aws:iam::123456789012:user/researcher is not authorized to perform: "
                                + service + ":" + action);
            };
        }
    }

    static final Duration SLOW_DELAY = Duration.ofSeconds(2);
    static final Duration SHORT_ATTEMPT_TIMEOUT = Duration.ofMillis(800);
    static final String KEY_NAME = "hangar-matrix-key";
    /** The zones moto offers g5.xlarge in (us-east-1a, b, c, d, f): Hangar's network has a private subnet in each. */
    static final int NETWORK_ZONES = 5;

    /** call → kind → outcome, printed when the class is done. */
    private static final Map<String, Map<Kind, String>> MATRIX = new ConcurrentHashMap<>();
    private static final List<String> CALL_ORDER = new ArrayList<>();
    private static long startedAt;

    @TempDir Path home;

    static LaunchSpec spec() {
        return EngineFixture.spec().access(Access.SSH).sshCidr("203.0.113.7/32").keyPair(KEY_NAME).createKeyPair(true)
                .deleteDataVolumeOnTermination(true).idleStopMinutes(60).run(dev.hangar.testing.Fixtures.run()).build();
    }

    @TestFactory
    Stream<DynamicTest> everyMutatingCallUnderEveryFault(LocalAws aws) throws Exception {
        startedAt = System.nanoTime();
        AwsClients normal = aws.clients();
        AwsClients impatient = aws.clients(aws.settings().withAttemptTimeout(SHORT_ATTEMPT_TIMEOUT));

        // The calls to break: those a clean launch makes, in the order it first makes them.
        Cell clean = new Cell(aws, home.resolve("clean"), normal);
        LaunchOutcome ok = clean.launch();
        assertThat(ok.state()).as(ok.message()).isEqualTo(LaunchState.SUCCEEDED);
        Set<String> calls = new LinkedHashSet<>();
        for (RecordedRequest r : aws.endpoint().mutatingRequests()) {
            calls.add(r.service() + ":" + r.action());
        }
        assertThat(calls).as("a clean launch makes the mutating calls this test knows to expect at least")
                // An SSH launch attaches no managed policy since the agent's policy is inline (issue 15): no AttachRolePolicy.
                .contains("iam:CreateRole", "iam:PutRolePolicy", "iam:CreateInstanceProfile",
                        "iam:AddRoleToInstanceProfile", "ec2:CreateSecurityGroup", "ec2:RevokeSecurityGroupEgress",
                        "ec2:AuthorizeSecurityGroupEgress", "ec2:AuthorizeSecurityGroupIngress", "ec2:CreateKeyPair",
                        "ec2:RunInstances", "ec2:CreateVolume", "ec2:AttachVolume", "ec2:ModifyInstanceAttribute",
                        "cloudwatch:PutMetricAlarm",
                        // Hangar's network, made by the first launch in the region (issue 16).
                        "ec2:CreateVpc", "ec2:ModifyVpcAttribute", "ec2:CreateSubnet", "ec2:CreateRouteTable", "ec2:AssociateRouteTable",
                        "ec2:CreateInternetGateway", "ec2:AttachInternetGateway", "ec2:CreateRoute", "ec2:AllocateAddress",
                        "ec2:CreateNatGateway", "ec2:CreateVpcEndpoint",
                        // A run's code archive and log group (issue 19).
                        "s3:PutObject", "logs:CreateLogGroup", "logs:PutRetentionPolicy");
        CALL_ORDER.clear();
        CALL_ORDER.addAll(calls);
        System.out.println("[fault-matrix] mutating calls of a clean launch: " + calls);

        List<DynamicTest> tests = new ArrayList<>();
        int[] n = {0};
        for (String call : dev.hangar.testing.CallFilter.selected(calls)) {
            String service = call.substring(0, call.indexOf(':'));
            String action = call.substring(call.indexOf(':') + 1);
            for (Kind kind : Kind.values()) {
                int index = ++n[0];
                tests.add(DynamicTest.dynamicTest(call + " × " + kind.label, () -> {
                    Cell cell = new Cell(aws, home.resolve("cell-" + index), kind == Kind.SLOW ? impatient : normal);
                    cell.run(service, action, kind);
                }));
            }
        }
        return tests.stream();
    }

    @AfterAll
    static void printMatrix() {
        if (MATRIX.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder("\n[fault-matrix] call × fault → outcome (ok = launched with exactly one of everything;"
                + " rb = rolled back, nothing left)\n");
        String format = "%-36s" + " %-14s".repeat(Kind.values().length) + "%n";
        out.append(String.format(format, Stream.concat(Stream.of("call"), Stream.of(Kind.values()).map(k -> k.label)).toArray()));
        int cells = 0;
        int bad = 0;
        for (String call : CALL_ORDER) {
            Map<Kind, String> row = MATRIX.getOrDefault(call, Map.of());
            List<Object> line = new ArrayList<>(List.of(call));
            for (Kind k : Kind.values()) {
                String v = row.getOrDefault(k, "-");
                line.add(v);
                cells += row.containsKey(k) ? 1 : 0;
                bad += v.startsWith("FAIL") ? 1 : 0;
            }
            out.append(String.format(format, line.toArray()));
        }
        out.append(String.format("[fault-matrix] %d cells, %d failed, %.0f s%n", cells, bad, (System.nanoTime() - startedAt) / 1e9));
        System.out.println(out);
    }

    /** One launch under one fault, judged by what the account holds afterwards. */
    static final class Cell {
        final LocalAws aws;
        final Path home;
        final JournalStore journal;
        final Launcher launcher;
        final AwsClients clients;

        Cell(LocalAws aws, Path home, AwsClients clients) {
            this.aws = aws;
            this.home = home;
            this.clients = clients;
            this.journal = new JournalStore(home);
            this.launcher = new Launcher(clients, journal, home, Pacing.fast(), Clock.systemUTC());
            aws.endpoint().clearFaults();
            aws.moto().reset();
            aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket(EngineFixture.BUCKET));
            aws.endpoint().clearRecord();
        }

        LaunchOutcome launch() throws InterruptedException {
            return launcher.prepare(spec(), e -> { }).run();
        }

        void run(String service, String action, Kind kind) throws Exception {
            String call = service + ":" + action;
            long t0 = System.nanoTime();
            Fault fault = aws.endpoint().inject(kind.on(service, action));
            LaunchOutcome outcome = launch();
            awaitAnswered(fault, service, action);
            aws.endpoint().clearFaults();
            long ms = (System.nanoTime() - t0) / 1_000_000;

            List<String> problems = new ArrayList<>();
            if (fault.fired() == 0) {
                problems.add("the fault never fired");
            }
            Inventory inv = Inventory.of(aws.clients(), LocalAws.REGION, outcome.launchId());
            LaunchRecord record = journal.load(outcome.launchId()).orElseThrow();
            if (kind.transient_) {
                if (outcome.state() != LaunchState.SUCCEEDED) {
                    problems.add("launch did not succeed: " + outcome.message());
                }
                problems.addAll(inv.duplicatesOrGaps(true, true));
                problems.addAll(inv.runDuplicatesOrGaps(true));
                // Hangar's network (issue 16): exactly one of each of its parts, in the zones that offer g5.xlarge.
                problems.addAll(TaggedNetwork.of(aws.clients(), LocalAws.REGION).privateNetworkProblems(NETWORK_ZONES));
                problems.addAll(completeLaunchProblems(record, inv));
            } else {
                if (outcome.state() != LaunchState.ROLLED_BACK) {
                    problems.add("expected a rollback, got " + outcome.state() + ": " + outcome.message());
                }
                if (!outcome.message().contains("not allowed")) {
                    problems.add("the message does not say what failed: " + outcome.message());
                }
                inv.leftovers().forEach(l -> problems.add("orphan: " + l));
                // The first launch in the region made the network; rolled back, nothing else uses it: none of it stays.
                TaggedNetwork.of(aws.clients(), LocalAws.REGION).parts().forEach(p -> problems.add("orphan: network " + p));
                if (record.state() != LaunchState.ROLLED_BACK) {
                    problems.add("journal state " + record.state());
                }
                record.resources().stream().filter(r -> !r.state().equals(ResourceRecord.DELETED))
                        .forEach(r -> problems.add("journal: " + r.type() + " " + r.id() + " is " + r.state() + ", not deleted"));
                if (Files.exists(home.resolve("keys").resolve(KEY_NAME + ".pem"))) {
                    problems.add("orphan: private key file");
                }
            }
            String verdict = problems.isEmpty() ? (kind.transient_ ? "ok" : "rb") + " " + ms + "ms" : "FAIL";
            MATRIX.computeIfAbsent(call, k -> new ConcurrentHashMap<>()).put(kind, verdict);
            assertThat(problems).as("%s × %s (launch %s, fault %s)", call, kind.label, outcome.launchId(), fault).isEmpty();
        }

        /** A delayed call is answered (and acts) after the client gave up on it: wait for that, so nothing lands later. */
        private void awaitAnswered(Fault fault, String service, String action) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (aws.endpoint().count(service, action) < fault.matched() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        /** The journal agrees with the account, and the launch is as secure as a clean one. */
        private List<String> completeLaunchProblems(LaunchRecord record, Inventory inv) {
            List<String> problems = new ArrayList<>();
            if (record.state() != LaunchState.SUCCEEDED) {
                problems.add("journal state " + record.state());
            }
            record.steps().stream().filter(s -> s.state() != StepState.DONE).forEach(s -> problems.add("journal: step " + s.id() + " " + s.state()));
            record.resources().stream().filter(r -> !r.state().equals(ResourceRecord.CREATED))
                    .forEach(r -> problems.add("journal: " + r.type() + " " + r.id() + " is " + r.state()));
            Map<String, Long> records = record.resources().stream().collect(Collectors.groupingBy(r -> r.type() + " " + r.id(), Collectors.counting()));
            records.forEach((resource, count) -> {
                if (count > 1) {
                    problems.add("journal: " + count + " records of " + resource);
                }
            });
            Map<String, Long> kinds = record.resources().stream().collect(Collectors.groupingBy(ResourceRecord::type, Collectors.counting()));
            kinds.forEach((type, count) -> {
                if (type.startsWith("network-")) {
                    return; // many subnets and route tables by design: counted against the account by TaggedNetwork
                }
                // Two of a kind by design: the data and agent policies, the GPU-aware and no-GPU-data idle alarms (issue 15).
                long expected = type.equals(ResourceKind.IAM_INLINE_POLICY) || type.equals(ResourceKind.ALARM) ? 2 : 1;
                if (count > expected) {
                    problems.add("journal: " + count + " resources of kind " + type);
                }
            });
            if (inv.liveInstances().size() == 1 && !inv.liveInstances().get(0).instanceId().equals(record.output("instanceId"))) {
                problems.add("journal names instance " + record.output("instanceId") + ", the account holds " + inv.liveInstances().get(0).instanceId());
            }
            if (inv.dataVolumes().size() == 1) {
                var data = inv.dataVolumes().get(0);
                if (!data.volumeId().equals(record.output("dataVolumeId"))) {
                    problems.add("journal names data volume " + record.output("dataVolumeId") + ", the account holds " + data.volumeId());
                }
                if (data.attachments().stream().noneMatch(a -> a.instanceId().equals(record.output("instanceId")) && "/dev/sdh".equals(a.device()))) {
                    problems.add("data volume not attached at /dev/sdh");
                }
            }
            if (inv.securityGroups().size() == 1) {
                var sg = inv.securityGroups().get(0);
                Function<List<IpPermission>, List<String>> rules = ps -> ps.stream()
                        .flatMap(p -> Stream.concat(p.ipRanges().stream().map(r -> r.cidrIp()), p.ipv6Ranges().stream().map(r -> r.cidrIpv6()))
                                .map(cidr -> p.ipProtocol() + ":" + p.fromPort() + ":" + cidr))
                        .sorted().toList();
                if (!rules.apply(sg.ipPermissionsEgress()).equals(List.of("tcp:443:0.0.0.0/0", "tcp:80:0.0.0.0/0"))) {
                    problems.add("egress rules " + rules.apply(sg.ipPermissionsEgress()));
                }
                if (!rules.apply(sg.ipPermissions()).equals(List.of("tcp:22:203.0.113.7/32"))) {
                    problems.add("ingress rules " + rules.apply(sg.ipPermissions()));
                }
            }
            if (inv.roles().size() == 1) {
                String role = inv.roles().get(0).roleName();
                var iam = aws.clients().iam();
                if (!iam.listRolePolicies(r -> r.roleName(role)).policyNames().stream().sorted().toList()
                        .equals(List.of("hangar-cloudwatch-agent", "hangar-s3-data-access"))) {
                    problems.add("inline policies " + iam.listRolePolicies(r -> r.roleName(role)).policyNames());
                }
                List<String> attached = iam.listAttachedRolePolicies(r -> r.roleName(role)).attachedPolicies().stream().map(p -> p.policyName()).toList();
                if (!attached.isEmpty()) {
                    problems.add("attached policies " + attached);
                }
            }
            if (inv.alarms().size() == 1 && inv.alarms().get(0).dimensions().stream().noneMatch(d -> d.value().equals(record.output("instanceId")))) {
                problems.add("the alarm watches " + inv.alarms().get(0).dimensions());
            }
            Path key = home.resolve("keys").resolve(KEY_NAME + ".pem");
            try {
                if (!Files.exists(key)) {
                    problems.add("no private key file");
                } else if (!PosixFilePermissions.toString(Files.getPosixFilePermissions(key)).equals("rw-------")) {
                    problems.add("key file mode " + PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
                }
            } catch (java.io.IOException e) {
                problems.add("key file: " + e);
            }
            return problems;
        }
    }
}
