package dev.hangar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.journal.JournalStore;
import dev.hangar.provision.Launch;
import dev.hangar.provision.LaunchOutcome;
import dev.hangar.provision.Launcher;
import dev.hangar.provision.Pacing;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.TimingProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * How long a launch takes until the researcher can connect (Session Manager lists the instance online), against the
 * front server's realistic timing ({@link TimingProfile#realistic()}: IAM propagation, pending instance, pending NAT
 * gateway and endpoints, the SSM agent registering), every time scaled down by one factor ({@code -Dbench.timingScale},
 * 10 by default): the delays, the per-call latency and the engine's own polling ({@link Pacing#aws()}), so the ratio is
 * the one a real region would give. Measured for the first launch in a region (moto reset: the launch creates Hangar's
 * network when its plan does) and the second (the network reused), each against its critical path
 * ({@link ReadyCriticalPath}: the plan's ideal schedule with the profile's waits), in pairs ({@code -Dbench.realisticPairs}).
 */
@ExtendWith(LocalAwsExtension.class)
class RealisticLaunchBench {

    static final double SCALE = Double.parseDouble(System.getProperty("bench.timingScale", "10"));
    static final int PAIRS = Integer.getInteger("bench.realisticPairs", 3);
    /** LaunchBench's per-call latency of a real region, scaled down like every other time. */
    static final Duration LATENCY = scaled(Duration.ofMillis(Long.getLong("bench.latencyMs", 150)));
    static final double GOAL = 1.1;

    private record Measured(double readyMs, double launchMs, double checkMs, ReadyCriticalPath.Result path, int calls, boolean networkCreated,
                            Map<String, Integer> callsPerOperation, List<Map<String, Object>> timeline) {
        double ratio() {
            return readyMs / path.ms();
        }
    }

    @Test
    void firstAndSecondLaunchInARegionAgainstTheirCriticalPath(LocalAws aws, @TempDir Path home) throws Exception {
        CallLog.requireInstalled();
        TimingProfile profile = TimingProfile.realistic().scaledDown(SCALE);
        Pacing pacing = scaled(Pacing.aws());
        BenchReport report = new BenchReport("realistic-launch");

        freshRegion(aws, null, Duration.ZERO); // the JVM's first launch loads the SDK's and the engine's classes: not measured
        assertThat(launch(aws, launcher(aws, home, "warm-up", pacing), profile).launchMs()).isPositive();

        List<Measured> first = new ArrayList<>();
        List<Measured> second = new ArrayList<>();
        for (int pair = 0; pair < PAIRS; pair++) {
            freshRegion(aws, profile, LATENCY);
            Launcher launcher = launcher(aws, home, "pair-" + pair, pacing);
            first.add(launch(aws, launcher, profile));
            second.add(launch(aws, launcher, profile));
        }

        report.detail("scale", SCALE);
        report.detail("profile", Map.of("instanceProfileInvisibleMs", profile.instanceProfileInvisible().toMillis(),
                "instancePendingMs", profile.instancePending().toMillis(), "natGatewayPendingMs", profile.natGatewayPending().toMillis(),
                "vpcEndpointPendingMs", profile.vpcEndpointPending().toMillis(),
                "sessionManagerAfterRunningMs", profile.sessionManagerAfterRunning().toMillis(),
                "sessionManagerNeedsRoute", profile.sessionManagerNeedsRoute()));
        report.detail("latencyMs", LATENCY.toNanos() / 1e6);
        report.detail("pacing", pacing.toString());
        figures(report, "first launch in a region", first);
        figures(report, "second launch in the region", second);
        report.write();
    }

    private static void figures(BenchReport report, String which, List<Measured> runs) {
        Measured typical = runs.get(runs.size() / 2);
        String network = runs.stream().allMatch(Measured::networkCreated) ? "network created"
                : runs.stream().noneMatch(Measured::networkCreated) ? "no network created" : "network created in some runs";
        report.figure(which + ": ready (Session Manager online), median of " + runs.size(), Stats.median(list(runs, Measured::readyMs)), "ms",
                "launch call " + Math.round(Stats.median(list(runs, Measured::launchMs))) + " ms; " + network);
        report.figure(which + ": critical path", Stats.median(list(runs, r -> r.path().ms())), "ms",
                String.join(" → ", typical.path().chain()));
        report.atMost(which + " / critical path", Stats.median(list(runs, Measured::ratio)), "×", GOAL,
                "runs " + runs.stream().map(r -> BenchReport.format(r.ratio())).toList() + "; lost to polling "
                        + Math.round(Stats.median(list(runs, r -> r.readyMs() - r.path().ms()))) + " ms");
        report.figure(which + ": API calls", typical.calls(), "calls", null);
        List<Map<String, Object>> details = new ArrayList<>();
        for (Measured r : runs) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("readyMs", r.readyMs());
            d.put("launchMs", r.launchMs());
            d.put("criticalPathMs", r.path().ms());
            d.put("criticalPath", r.path().chain());
            d.put("sessionManagerCheckMs", r.checkMs());
            d.put("networkCreated", r.networkCreated());
            d.put("callsPerOperation", r.callsPerOperation());
            d.put("timeline", r.timeline());
            details.add(d);
        }
        report.detail(which, details);
    }

    /** One launch, then Session Manager asked back to back until it lists the instance online (unless the launch waited for that itself). */
    private static Measured launch(LocalAws aws, Launcher launcher, TimingProfile profile) throws Exception {
        StepTimeline timeline = new StepTimeline();
        int mark = CallLog.mark();
        Launch launch = launcher.prepare(LaunchBench.spec(), timeline);
        long t0 = System.nanoTime();
        LaunchOutcome outcome = launch.run();
        long launched = System.nanoTime();
        assertThat(outcome.succeeded()).as(outcome.message()).isTrue();
        List<CallLog.Entry> calls = CallLog.since(mark);
        String instanceId = outcome.outputs().get("instanceId");
        boolean launchWaited = calls.stream().anyMatch(c -> "DescribeInstanceInformation".equals(c.operation()) && !c.failed());

        SsmClient ssm = aws.clients().ssm(LocalAws.REGION);
        long deadline = launched + Duration.ofMinutes(2).toNanos();
        long ready = -1;
        List<Double> checks = new ArrayList<>();
        for (boolean firstCheck = true; ready < 0; firstCheck = false) {
            long asked = System.nanoTime();
            boolean online = !ssm.describeInstanceInformation(r -> r.filters(f -> f.key("InstanceIds").values(instanceId)))
                    .instanceInformationList().stream().filter(i -> "Online".equals(i.pingStatusAsString())).toList().isEmpty();
            checks.add(LaunchBench.ms(System.nanoTime() - asked));
            if (online) {
                ready = launchWaited && firstCheck ? launched : System.nanoTime();
            } else if (System.nanoTime() > deadline) {
                throw new AssertionError("Session Manager did not list " + instanceId + " online within 2 minutes of the launch");
            }
        }

        var byStep = timeline.callsByStep(launch.plan(), calls);
        double checkMs = Stats.median(checks);
        ReadyCriticalPath.Result path = ReadyCriticalPath.of(launch.plan(), byStep, profile, checkMs);
        boolean network = calls.stream().anyMatch(c -> "CreateVpc".equals(c.operation()) && !c.failed());
        return new Measured(LaunchBench.ms(ready - t0), LaunchBench.ms(launched - t0), checkMs, path, calls.size(), network,
                CallLog.histogram(calls), timeline.describe(calls, t0));
    }

    /**
     * A region nobody has launched in: moto forgets everything, the profile starts over, the data bucket is there. moto
     * builds a region's state on its first calls (hundreds of ms, which no real region takes): made here, unmeasured, and
     * only calls that read.
     */
    private static void freshRegion(LocalAws aws, TimingProfile profile, Duration latency) {
        aws.moto().reset();
        aws.endpoint().setTimingProfile(profile);
        aws.endpoint().setLatency(Duration.ZERO);
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket(LaunchBench.BUCKET));
        var ec2 = aws.clients().ec2(LocalAws.REGION);
        ec2.describeImages(r -> r.imageIds(LaunchBench.spec().amiId()));
        ec2.describeSubnets();
        ec2.describeSecurityGroups();
        aws.clients().iam().listRoles(r -> r.maxItems(1));
        aws.clients().iam().listPolicies(r -> r.maxItems(1));
        aws.clients().sts(LocalAws.REGION).getCallerIdentity();
        aws.clients().cloudWatch(LocalAws.REGION).describeAlarms();
        aws.endpoint().setLatency(latency);
    }

    /** A launcher with a home of its own: nothing a launch in an earlier (forgotten) region left may be read as current. */
    private static Launcher launcher(LocalAws aws, Path home, String name, Pacing pacing) throws java.io.IOException {
        Path own = Files.createDirectories(home.resolve(name));
        return new Launcher(aws.clients(), new JournalStore(own), own, pacing, Clock.systemUTC());
    }

    /** The engine's real polling, as much faster as the profile's delays. */
    static Pacing scaled(Pacing p) {
        return new Pacing(scaled(p.firstDelay()), scaled(p.maxDelay()), p.factor(), scaled(p.instanceTimeout()), scaled(p.iamTimeout()),
                scaled(p.cleanupTimeout()), scaled(p.sessionManagerTimeout()));
    }

    static Duration scaled(Duration d) {
        return Duration.ofNanos(Math.round(d.toNanos() / SCALE));
    }

    private static List<Double> list(List<Measured> runs, java.util.function.ToDoubleFunction<Measured> f) {
        return runs.stream().map(f::applyAsDouble).toList();
    }
}
