package dev.hangar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real app in its own JVM, driven from the Account step to a launch and the monitor (see
 * {@link GuiLaunchDriver}): FX-thread stalls, peak RSS, and the calls of a wizard run with a cold and
 * then a warm catalog cache. 150 ms of latency per call, as in {@link LaunchBench}.
 */
@ExtendWith(LocalAwsExtension.class)
class GuiBench {

    /** The wizard steps that show the catalog: regions, then GPU types with prices. */
    static final List<String> CATALOG_STEPS = List.of("Region", "GPU type");
    /** The calls that read the catalog (regions, GPU types, their zones and prices), which the disk cache serves. */
    static final java.util.Set<String> CATALOG_READS = java.util.Set.of("Ec2:DescribeRegions", "Ec2:DescribeInstanceTypes",
            "Ec2:DescribeInstanceTypeOfferings", "Pricing:GetProducts");
    static final int RUNS = Integer.getInteger("bench.guiRuns", 3);
    /** The views {@link GuiLaunchDriver} enters in the wizard: its steps, and the views a choice on a step brings up. */
    static final java.util.Set<String> WIZARD_VIEWS = java.util.Set.of("Region", "GPU type", "Machine image", "Access", "Access: network choice",
            "Data", "Options", "Options: cluster", "Run", "Review: cluster", "Back to Options", "Run: a training job", "Review");

    @Test
    void wizardLaunchAndMonitorInTheRealApp(LocalAws aws, @TempDir Path home, @TempDir Path userHome) throws Exception {
        CallLog.requireInstalled();
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket(LaunchBench.BUCKET));
        aws.endpoint().setLatency(LaunchBench.LATENCY);
        BenchReport report = new BenchReport("gui");
        // The first run also logs the classes it loads: the app's startup-classes.txt is made from that log.
        Path classLog = BenchReport.directory().resolve("gui-classes-loaded.log");
        List<JsonNode> runs = new ArrayList<>();
        String screen;
        try (VirtualDisplay display = VirtualDisplay.open().orElse(null)) {
            screen = display == null ? "Monocle headless screen (no Xvfb or no GTK 3 here)" : display.virtual() ? "Xvfb " + display.name() : "X11 " + display.name();
            for (int i = 0; i < RUNS; i++) {
                runs.add(runOnce(aws, home, userHome, display, i == 0 ? classLog : null));
            }
        }
        JsonNode cold = runs.get(0);
        JsonNode warm = runs.get(runs.size() - 1);
        String of = "median of " + runs.size() + " runs (the first with a cold catalog cache); " + screen;

        // Every view entered, the wizard's steps and the new views on them included: the median over the runs of its longest stall.
        Map<String, Double> viewMedians = new LinkedHashMap<>();
        for (var e : cold.path("views").properties()) {
            viewMedians.put(e.getKey(), median(runs, r -> r.path("views").path(e.getKey()).path("longestGapMs").asDouble()));
        }
        Map.Entry<String, Double> worstStep = viewMedians.entrySet().stream().filter(e -> WIZARD_VIEWS.contains(e.getKey()))
                .max(Map.Entry.comparingByValue()).orElseThrow();
        report.atMost("longest FX-thread stall on a wizard step change", worstStep.getValue(), "ms", 100,
                "worst of " + WIZARD_VIEWS.size() + " views (" + worstStep.getKey() + "), each the " + of);
        report.atMost("longest FX-thread stall opening the monitor window", viewMedians.get("Monitor: open"), "ms", 100, of);
        report.atMost("longest FX-thread stall during the launch", viewMedians.get("launch"), "ms", 50, "Launch pressed until Done; " + of);
        report.atMost("longest FX-thread stall while the monitor refreshes", viewMedians.get("Monitor: refresh"), "ms", 50,
                warm.path("monitorRefreshCalls").size() + " refreshes per run");
        report.atMost("longest FX-thread stall opening the Logs tab", viewMedians.get("Monitor: Logs tab"), "ms", 100, of);
        report.atMost("longest FX-thread stall while the Logs tab follows a fast stream", viewMedians.get("Monitor: Logs tab following a fast stream"),
                "ms", 50, GuiLaunchDriver.LOG_LINES + " lines written " + LogStream.LINES_PER_BATCH + " per call as fast as CloudWatch takes them");
        viewMedians.forEach((view, ms) -> report.figure("  stall entering " + view, ms, "ms", null));
        double peak = median(runs, r -> r.path("peakRssMb").asDouble());
        report.atMost("peak RSS of the app (wizard, launch, monitor, Logs tab)", peak, "MB", 300,
                "VmHWM, " + of + "; live heap after the run " + warm.path("heapLiveMb").asLong() + " MB; JVM options " + ChildJvm.launcherOptions());
        report.figure("RSS at the end: private / mapped files", warm.path("rssAnonMb").asDouble(), "MB",
                Math.round(warm.path("rssFileMb").asDouble()) + " MB of mapped files (libraries, class-data archives)");
        report.figure("API calls per wizard run, cold cache", cold.path("wizard").path("calls").asInt(), "calls",
                catalogStepCalls(cold, true) + " of them catalog reads on the Region and GPU type steps");
        report.exactly("catalog reads on the Region and GPU type steps, warm cache", catalogStepCalls(warm, true), "calls", 0,
                "cache under $HANGAR_HOME/cache");
        report.figure("other calls on those steps, warm cache", catalogStepCalls(warm, false) - catalogStepCalls(warm, true), "calls",
                "live account state: vCPU quotas and instances in use");
        report.figure("API calls per wizard run, warm cache", warm.path("wizard").path("calls").asInt(), "calls",
                "account, images, key pairs, buckets, the cluster's review, review (preflight)");
        report.figure("API calls per launch from the wizard", warm.path("launch").path("calls").asInt(), "calls", "with a run: code, log group");
        report.figure("API calls per monitor refresh (window)", warm.path("monitorRefreshCalls").get(0).properties().stream()
                .mapToInt(e -> e.getValue().asInt()).sum(), "calls", "one instance, metrics of the last hour");
        report.detail("screen", screen);
        report.detail("classDataArchive", ChildJvm.archive().map(Path::toString).orElse("none: see children.err.log"));
        updateClassList(classLog, report);
        report.detail("runs", runs);
        report.write();
    }

    private JsonNode runOnce(LocalAws aws, Path home, Path userHome, VirtualDisplay display, Path classLog) throws Exception {
        ChildJvm.Spec spec = ChildJvm.of(GuiLaunchDriver.class.getName()).headless(display == null)
                .env("AWS_ENDPOINT_URL", aws.uri().toString())
                .env("AWS_ACCESS_KEY_ID", "testing").env("AWS_SECRET_ACCESS_KEY", "testing")
                .env("AWS_REGION", LocalAws.REGION)
                .env("AWS_CONFIG_FILE", userHome.resolve("no-config").toString())
                .env("AWS_SHARED_CREDENTIALS_FILE", userHome.resolve("no-credentials").toString())
                .env("AWS_EC2_METADATA_DISABLED", "true")
                .env("HANGAR_HOME", home.toString())
                .property("user.home", userHome.toString());
        if (display != null) {
            spec.env("DISPLAY", display.name());
        }
        if (classLog != null) {
            spec.jvmOption("-Xlog:class+load=info:file=" + classLog);
        }
        try (ChildJvm child = spec.start()) {
            String launchId = child.await(GuiLaunchDriver.LOGS, Duration.ofMinutes(5)).text().substring(GuiLaunchDriver.LOGS.length());
            try (LogStream stream = LogStream.start(aws, launchId)) {
                child.await(GuiLaunchDriver.LOGS_DONE, Duration.ofMinutes(2));
            }
            ChildJvm.Line line = child.await(GuiLaunchDriver.RESULT, Duration.ofMinutes(1));
            assertThat(child.waitFor(Duration.ofSeconds(30))).as("the driver's exit code").isZero();
            return new ObjectMapper().readTree(line.text().substring(GuiLaunchDriver.RESULT.length()));
        }
    }

    private static double median(List<JsonNode> runs, java.util.function.ToDoubleFunction<JsonNode> value) {
        return Stats.median(runs.stream().map(r -> value.applyAsDouble(r)).toList());
    }

    /**
     * Writes the classes of the first run as target/bench/startup-classes.txt, and with
     * {@code -Dbench.updateClassList=true} over the app's own list in src/main/resources.
     */
    private static void updateClassList(Path classLog, BenchReport report) throws java.io.IOException {
        var names = StartupClassList.fromLog(classLog);
        StartupClassList.write(names, BenchReport.directory().resolve("startup-classes.txt"));
        if (Boolean.getBoolean("bench.updateClassList")) {
            StartupClassList.write(names, StartupClassList.IN_SOURCES);
        }
        report.detail("startupClasses", names.size());
    }

    /** Calls made on the catalog steps: only the catalog reads, or all. */
    private static int catalogStepCalls(JsonNode run, boolean onlyCatalogReads) {
        int n = 0;
        for (String step : CATALOG_STEPS) {
            for (var e : run.path("wizardCallsPerStep").path(step).properties()) {
                if (!onlyCatalogReads || CATALOG_READS.contains(e.getKey())) {
                    n += e.getValue().asInt();
                }
            }
        }
        return n;
    }
}
