package dev.hangar.bench;

import dev.hangar.app.StartupProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 3: cold start to the wizard's first frame, against a bare JavaFX window of the same size.
 *
 * <p>Each run is a fresh JVM ({@link ChildJvm}: the built jar, the same flags and class path for both) started
 * with {@code -Dhangar.startupProbe=exit}: it prints {@link StartupProbe#PREFIX} when its first frame was
 * rendered and exits. The time is the parent's clock from starting the process to that line's arrival, so it
 * includes the JVM's boot; the child's own uptime at that moment is recorded too. App and bare window alternate
 * (and swap which goes first every pair) so drift on the machine hits both alike. One warm-up pair runs first
 * (filling the OS's file cache); it is reported in the details, not in the medians. Nothing else is discarded.
 *
 * <p>Every run has a fresh, empty home: temp {@code HOME}/{@code user.home} and {@code HANGAR_HOME}, AWS config
 * and credentials files that do not exist, no instance metadata, and no inherited {@code AWS_*} variable.
 *
 * <p>Always on Monocle's headless screen; also with real windows on $DISPLAY, or on an Xvfb of its own
 * where one is installed. {@code -Dbench.startupRuns=N} sets the runs per kind (7).
 */
class StartupBench {

    private static final String APP = "dev.hangar.app.Main";
    private static final String BARE = BareWindow.class.getName();
    private static final double GOAL = 1.3;
    private static final Duration FIRST_FRAME_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    @TempDir Path temp;

    /** One child's start: parent-measured milliseconds to the probe line, and the child's own uptime and CPU time then. */
    record Run(String kind, int index, double millis, long childUptimeMs, long childCpuMs) {
    }

    @Test
    void coldStartToFirstWizardFrameAgainstABareWindow() throws Exception {
        int runs = Integer.getInteger("bench.startupRuns", 7);
        if (runs < 1) {
            throw new IllegalArgumentException("bench.startupRuns must be at least 1: " + runs);
        }
        BenchReport report = new BenchReport("startup");
        report.detail("runsPerKind", runs);
        report.detail("warmUp", "one pair (app, bare) before the measured runs, kept in each mode's details, not in the medians");
        report.detail("measure", "parent's System.nanoTime from ProcessBuilder.start() to the arrival of the '" + StartupProbe.PREFIX
                + "' line (second AnimationTimer pulse after Stage.show(), then a 1x1 snapshot to wait for the render thread);"
                + " childUptimeMs and childCpuMs = the child's own uptime and CPU time (all threads) then");

        measure(report, "headless", null, runs);
        try (VirtualDisplay display = VirtualDisplay.open().orElse(null)) {
            if (display != null) {
                measure(report, "window", display.name(), runs);
            } else {
                report.detail("window", "not measured: no DISPLAY and no Xvfb on this machine");
            }
        }
        report.write();
    }

    /** @param display the X display for real windows, or null for Monocle's headless screen */
    private void measure(BenchReport report, String mode, String display, int runs) throws Exception {
        List<Run> warmUp = List.of(run(mode, APP, display, -1), run(mode, BARE, display, -1));
        List<Run> app = new ArrayList<>();
        List<Run> bare = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            // Alternate, and swap the order each pair, so neither kind always follows the other.
            if (i % 2 == 0) {
                app.add(run(mode, APP, display, i));
                bare.add(run(mode, BARE, display, i));
            } else {
                bare.add(run(mode, BARE, display, i));
                app.add(run(mode, APP, display, i));
            }
        }
        double appMs = Stats.median(millis(app));
        double bareMs = Stats.median(millis(bare));
        String screen = display == null ? "Monocle headless, software renderer" : "real window on X display " + display;
        report.figure(mode + ": app, start to first wizard frame (median)", appMs, "ms", screen + ", " + runs + " runs");
        report.figure(mode + ": bare window, start to first frame (median)", bareMs, "ms", screen + ", " + runs + " runs");
        report.atMost(mode + ": app / bare window", appMs / bareMs, "×", GOAL, "cold start, JVM boot included");
        report.figure(mode + ": app, child's uptime at first frame (median)", Stats.median(uptimes(app)), "ms", "the child's own clock");
        report.figure(mode + ": bare window, child's uptime at first frame (median)", Stats.median(uptimes(bare)), "ms", "the child's own clock");
        double appCpu = Stats.median(cpu(app));
        double bareCpu = Stats.median(cpu(bare));
        report.figure(mode + ": app, child's CPU time to first frame (median)", appCpu, "ms", "all threads; little changed by other load");
        report.figure(mode + ": bare window, child's CPU time to first frame (median)", bareCpu, "ms", "all threads; little changed by other load");
        report.figure(mode + ": app / bare window, CPU time", appCpu / bareCpu, "×", "what the wall-clock ratio tends to on a busy machine");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("screen", screen);
        details.put("appMs", millis(app));
        details.put("bareMs", millis(bare));
        details.put("appChildUptimeMs", uptimes(app));
        details.put("bareChildUptimeMs", uptimes(bare));
        details.put("appChildCpuMs", cpu(app));
        details.put("bareChildCpuMs", cpu(bare));
        details.put("appMinMaxMs", List.of(Stats.min(millis(app)), Stats.max(millis(app))));
        details.put("bareMinMaxMs", List.of(Stats.min(millis(bare)), Stats.max(millis(bare))));
        details.put("warmUpMs", Map.of("app", warmUp.get(0).millis(), "bare", warmUp.get(1).millis()));
        details.put("loadAverage", loadAverage());
        report.detail(mode, details);
    }

    /** Starts one child in a fresh, empty home; waits for its first frame and for it to exit with 0. */
    private Run run(String mode, String mainClass, String display, int index) throws Exception {
        String kind = mainClass.equals(APP) ? "app" : "bare";
        Path dir = Files.createDirectories(temp.resolve(mode + "-" + kind + "-" + (index < 0 ? "warmup" : String.valueOf(index))));
        Path home = Files.createDirectories(dir.resolve("home"));
        Path hangarHome = Files.createDirectories(dir.resolve("hangar"));
        Path absent = dir.resolve("absent");
        ChildJvm.Spec spec = ChildJvm.of(mainClass)
                .headless(display == null)
                .property("user.home", home.toString())
                .property(StartupProbe.PROPERTY, "exit")
                .envRemovePrefix("AWS_")
                .env("HOME", home.toString())
                .env("HANGAR_HOME", hangarHome.toString())
                .env("AWS_CONFIG_FILE", absent.resolve("config").toString())
                .env("AWS_SHARED_CREDENTIALS_FILE", absent.resolve("credentials").toString())
                .env("AWS_EC2_METADATA_DISABLED", "true");
        if (display != null) {
            spec.env("DISPLAY", display);
        }
        try (ChildJvm child = spec.start()) {
            ChildJvm.Line line = child.await(StartupProbe.PREFIX, FIRST_FRAME_TIMEOUT);
            double millis = (line.nanos() - child.startedNanos()) / 1e6;
            long uptime = field(line.text(), "uptimeMs");
            long cpu = field(line.text(), "cpuMs");
            int exit = child.waitFor(EXIT_TIMEOUT);
            if (exit != 0) {
                throw new AssertionError(mode + " " + kind + " run " + (index < 0 ? "(warm-up)" : index) + " (" + mainClass + ", pid " + child.pid()
                        + ") printed its first frame but exited with " + exit + ", not 0; its standard error is in "
                        + BenchReport.directory().resolve("children.err.log"));
            }
            return new Run(kind, index, millis, uptime, cpu);
        }
    }

    /** The machine's load average (1, 5, 15 minutes) after the runs, where the OS tells it: the figures mean little without it. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException | RuntimeException e) {
            return String.valueOf(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static long field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return Long.parseLong(part.substring(name.length() + 1));
            }
        }
        throw new AssertionError("no " + name + " in the probe line: " + line);
    }

    private static List<Double> millis(List<Run> runs) {
        return runs.stream().map(Run::millis).toList();
    }

    private static List<Double> uptimes(List<Run> runs) {
        return runs.stream().map(r -> (double) r.childUptimeMs()).toList();
    }

    private static List<Double> cpu(List<Run> runs) {
        return runs.stream().map(r -> (double) r.childCpuMs()).toList();
    }
}
