package dev.hangar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.catalog.CatalogCache;
import dev.hangar.catalog.CatalogService;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchJournal;
import dev.hangar.monitor.MetricWindow;
import dev.hangar.monitor.MonitorQuery;
import dev.hangar.monitor.MonitorService;
import dev.hangar.monitor.MonitorSnapshot;
import dev.hangar.blueprint.Blueprint;
import dev.hangar.provision.LaunchContext;
import dev.hangar.blueprint.LaunchNames;
import dev.hangar.provision.LaunchOutcome;
import dev.hangar.provision.LaunchPlan;
import dev.hangar.provision.Launcher;
import dev.hangar.provision.Pacing;
import dev.hangar.provision.PlanExecutor;
import dev.hangar.provision.steps.PlanFactory;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Launch wall time on the local endpoint with a fixed latency per call, against the longest chain of
 * calls that depend on each other (the plan graph with each step's calls counted) and against the same
 * plan run one step at a time; then the calls one launch and one monitor refresh make.
 */
@ExtendWith(LocalAwsExtension.class)
class LaunchBench {

    static final Duration LATENCY = Duration.ofMillis(Long.getLong("bench.latencyMs", 150));
    static final int RUNS = Integer.getInteger("bench.launchRuns", 6);
    static final int SEQUENTIAL_RUNS = Integer.getInteger("bench.sequentialRuns", 3);
    static final String BUCKET = "research-data";

    private final Clock clock = Clock.systemUTC();

    @Test
    void launchAgainstItsCriticalPath(LocalAws aws, @TempDir Path home) throws Exception {
        CallLog.requireInstalled();
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket(BUCKET));
        aws.endpoint().setLatency(LATENCY);
        JournalStore journal = new JournalStore(home);
        Launcher launcher = new Launcher(aws.clients(), journal, home, Pacing.fast(), clock);
        LaunchSpec spec = spec();
        BenchReport report = new BenchReport("launch");

        List<Double> walls = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> measuredChains = new ArrayList<>();
        List<Map<String, Object>> runs = new ArrayList<>();
        StepTimeline.Chain chain = null;
        List<CallLog.Entry> lastCalls = List.of();
        long mutating = 0;
        List<Double> endpointMs = new ArrayList<>();
        List<Double> clientMs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            StepTimeline timeline = new StepTimeline();
            int mark = CallLog.mark();
            int recorded = aws.endpoint().requests().size();
            var launch = launcher.prepare(spec, timeline);
            long t0 = System.nanoTime();
            LaunchOutcome outcome = launch.run();
            double wall = ms(System.nanoTime() - t0);
            assertThat(outcome.succeeded()).as(outcome.message()).isTrue();
            List<CallLog.Entry> calls = CallLog.since(mark);
            assertThat(aws.endpoint().requests().size() - recorded).as("requests the endpoint saw = calls the SDK made").isEqualTo(calls.size());
            List<dev.hangar.testing.RecordedRequest> seen = aws.endpoint().requests().subList(recorded, aws.endpoint().requests().size());
            mutating = seen.stream().filter(dev.hangar.testing.RecordedRequest::isMutating).count();
            splitCallTime(seen, calls, endpointMs, clientMs);
            Map<String, List<CallLog.Entry>> byStep = timeline.callsByStep(launch.plan(), calls);
            Map<String, Double> count = new LinkedHashMap<>();
            Map<String, Double> took = new LinkedHashMap<>();
            byStep.forEach((step, made) -> {
                count.put(step, (double) made.size());
                took.put(step, made.stream().mapToDouble(c -> ms(c.endNanos() - c.startNanos())).sum());
            });
            chain = StepTimeline.longestChain(launch.plan(), count);
            StepTimeline.Chain measured = StepTimeline.longestChain(launch.plan(), took);
            double bound = chain.weight() * LATENCY.toMillis();
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("wallMs", wall);
            run.put("criticalPathMs", bound);
            run.put("calls", calls.size());
            run.put("callsPerStep", count);
            run.put("longestChain", chain);
            run.put("longestChainAtMeasuredCallTimes", measured);
            run.put("timeline", timeline.describe(calls, t0));
            runs.add(run);
            if (i > 0) { // the first launch of the JVM also loads the SDK's classes: reported apart
                walls.add(wall);
                ratios.add(wall / bound);
                measuredChains.add(measured.weight());
            } else {
                report.figure("first launch in a fresh JVM", wall, "ms", "class loading included; not in the medians");
            }
            lastCalls = calls;
        }
        double bound = chain.weight() * LATENCY.toMillis();
        int chainCalls = (int) chain.weight();

        List<Double> sequential = new ArrayList<>();
        for (int i = 0; i < SEQUENTIAL_RUNS; i++) {
            sequential.add(runOneStepAtATime(aws, journal, home, spec));
        }

        double wall = Stats.median(walls);
        report.figure("launch wall time (median of " + walls.size() + ")", wall, "ms", LATENCY.toMillis() + " ms per call; min "
                + Math.round(Stats.min(walls)) + ", max " + Math.round(Stats.max(walls)));
        report.figure("critical path: " + chainCalls + " dependent calls × " + LATENCY.toMillis() + " ms", bound, "ms",
                String.join(" → ", chain.steps()));
        report.figure("critical path at the calls' measured times (median)", Stats.median(measuredChains), "ms",
                "each call as long as it took: latency + endpoint + SDK");
        report.figure("same plan one step at a time (median of " + sequential.size() + ")", Stats.median(sequential), "ms",
                lastCalls.size() + " calls × " + LATENCY.toMillis() + " ms = " + lastCalls.size() * LATENCY.toMillis() + " ms of latency alone");
        report.atMost("launch / critical path", wall / bound, "×", 1.15, "median " + BenchReport.format(Stats.median(ratios)) + " of per-run ratios");
        report.figure("launch / critical path at measured call times", wall / Stats.median(measuredChains), "×",
                "what the engine itself adds: scheduling, journal");
        report.figure("launch / one step at a time", wall / Stats.median(sequential), "×", null);
        report.figure("endpoint's own time per call beyond the latency (median)", Stats.median(endpointMs), "ms",
                "moto + our front server; max " + Math.round(Stats.max(endpointMs)));
        report.figure("client's time per call beyond the endpoint's (median)", Stats.median(clientMs), "ms",
                "SDK marshalling, signing, connection; max " + Math.round(Stats.max(clientMs)));
        report.figure("API calls per launch", lastCalls.size(), "calls", mutating + " of them mutating");
        report.detail("latencyMs", LATENCY.toMillis());
        report.detail("runs", runs);
        report.detail("sequentialWallMs", sequential);
        report.detail("callsPerLaunch", CallLog.histogram(lastCalls));

        monitorRefreshes(aws, journal, home, report);
        report.write();
    }

    /** The calls one monitor refresh makes for every launch so far, with and without the chart metrics. */
    private void monitorRefreshes(LocalAws aws, JournalStore journal, Path home, BenchReport report) {
        CatalogService catalog = new CatalogService(Optional.of(aws.clients()), new CatalogCache(home, clock), clock);
        MonitorService monitor = new MonitorService(aws.clients(), journal, catalog, clock);
        MonitorQuery query = MonitorQuery.all().withMetrics(MetricWindow.LAST_HOUR); // what the monitor window asks
        Map<String, Object> detail = new LinkedHashMap<>();
        for (String pass : List.of("first", "next")) {
            int mark = CallLog.mark();
            long t0 = System.nanoTime();
            MonitorSnapshot snapshot = monitor.refresh(query);
            double wall = ms(System.nanoTime() - t0);
            List<CallLog.Entry> calls = CallLog.since(mark);
            assertThat(snapshot.problems()).isEmpty();
            int instances = snapshot.instances().size();
            report.figure("API calls per monitor refresh, " + pass + " (" + instances + " launches)", calls.size(), "calls",
                    Math.round(wall) + " ms" + ("first".equals(pass) ? "; includes the region's catalog (prices) once" : ""));
            detail.put(pass, CallLog.histogram(calls));
        }
        report.detail("monitorRefreshCalls", detail);
    }

    /** The same plan on one step thread: every call one after another. */
    private double runOneStepAtATime(LocalAws aws, JournalStore journal, Path home, LaunchSpec spec) throws InterruptedException {
        LaunchNames names = LaunchNames.fresh(spec.name());
        LaunchPlan plan = PlanFactory.plan(spec, names);
        LaunchJournal record = LaunchJournal.begin(journal, clock, names.launchId(), spec, plan.stepIds());
        LaunchContext ctx = new LaunchContext(Blueprint.of(spec, names.launchId()), aws.clients(), record, e -> { }, home, Pacing.fast());
        long t0 = System.nanoTime();
        PlanExecutor.Result result = new PlanExecutor(1).run(plan, ctx);
        double wall = ms(System.nanoTime() - t0);
        assertThat(result.succeeded()).as(result.message()).isTrue();
        return wall;
    }

    /** Per call: how long the endpoint took beyond the injected latency, and how much longer the caller waited than that. */
    private static void splitCallTime(List<dev.hangar.testing.RecordedRequest> seen, List<CallLog.Entry> calls, List<Double> endpoint, List<Double> client) {
        double serverTotal = 0;
        for (var r : seen) {
            double ms = r.duration().toNanos() / 1e6;
            serverTotal += ms;
            endpoint.add(ms - LATENCY.toMillis());
        }
        double callerTotal = calls.stream().mapToDouble(c -> ms(c.endNanos() - c.startNanos())).sum();
        client.add((callerTotal - serverTotal) / Math.max(1, calls.size()));
    }

    static LaunchSpec spec() {
        return LaunchSpec.builder().name("bench").region(LocalAws.REGION).amiId(Fixtures.PYTORCH_UBUNTU_AMI)
                .instanceType("g5.xlarge").dataBucket(BUCKET).dataPrefix("train/").build();
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }
}
