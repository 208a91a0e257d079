package dev.hangar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    static final int RUNS = Integer.getInteger("bench.guiRuns", 2);

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

        report.atMost("longest FX-thread stall during the launch", max(runs, "launch", "longestGapMs"), "ms", 50,
                screen + "; max of " + runs.size() + " runs");
        report.atMost("longest FX-thread stall while the monitor refreshes", max(runs, "monitor", "longestGapMs"), "ms", 50,
                warm.path("monitorRefreshCalls").size() + " refreshes per run");
        report.figure("most CPU the FX thread itself used between two pulses, launch", max(runs, "launch", "longestFxCpuMs"), "ms",
                "its own work; the rest of a gap it waits for the renderer or a CPU");
        report.figure("most CPU the FX thread itself used between two pulses, monitor", max(runs, "monitor", "longestFxCpuMs"), "ms", null);
        report.figure("longest FX-thread stall opening the monitor window", max(runs, "monitorOpen", "longestGapMs"), "ms",
                "FXML, charts and the first refresh; no goal");
        report.figure("longest FX-thread stall in the wizard's steps", max(runs, "wizard", "longestGapMs"), "ms",
                "step changes (FXML loading) included; no goal");
        double peak = runs.stream().mapToDouble(r -> r.path("peakRssMb").asDouble()).max().orElseThrow();
        report.figure("RSS at the end: private / mapped files", warm.path("rssAnonMb").asDouble(), "MB",
                Math.round(warm.path("rssFileMb").asDouble()) + " MB of mapped files (libraries, class-data archives)");
        report.atMost("peak RSS of the app (launch and monitor included)", peak, "MB", 300,
                "VmHWM; live heap after the run " + warm.path("heapLiveMb").asLong() + " MB; JVM options " + ChildJvm.launcherOptions());
        report.figure("API calls per wizard run, cold cache", cold.path("wizard").path("calls").asInt(), "calls",
                catalogStepCalls(cold, true) + " of them catalog reads on the Region and GPU type steps");
        report.exactly("catalog reads on the Region and GPU type steps, warm cache", catalogStepCalls(warm, true), "calls", 0,
                "cache under $HANGAR_HOME/cache");
        report.figure("other calls on those steps, warm cache", catalogStepCalls(warm, false) - catalogStepCalls(warm, true), "calls",
                "live account state: vCPU quotas and instances in use");
        report.figure("API calls per wizard run, warm cache", warm.path("wizard").path("calls").asInt(), "calls",
                "account, images, key pairs, buckets, review (preflight)");
        report.figure("API calls per launch from the wizard", warm.path("launch").path("calls").asInt(), "calls", null);
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
            ChildJvm.Line line = child.await(GuiLaunchDriver.RESULT, Duration.ofMinutes(5));
            assertThat(child.waitFor(Duration.ofSeconds(30))).as("the driver's exit code").isZero();
            return new ObjectMapper().readTree(line.text().substring(GuiLaunchDriver.RESULT.length()));
        }
    }

    private static double max(List<JsonNode> runs, String phase, String field) {
        return runs.stream().mapToDouble(r -> r.path(phase).path(field).asDouble()).max().orElseThrow();
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
