package dev.hangar.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.app.HangarApplication;
import dev.hangar.catalog.ImageInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Window;

/**
 * Runs in a JVM of its own: the real app (its composition root, on the AWS endpoint named by
 * AWS_ENDPOINT_URL) driven through the wizard to a launch, then the monitor refreshed a few times,
 * measuring FX-thread stalls and the calls of each phase. Prints one line,
 * {@code bench-gui <json>}, with the figures and the process's peak RSS, then exits.
 */
public final class GuiLaunchDriver {

    static final String RESULT = "bench-gui ";
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);

    private final PulseMeter meter = new PulseMeter();
    private final Map<String, Object> result = new LinkedHashMap<>();
    private final Map<String, Object> callsPerStep = new LinkedHashMap<>();
    private int stepMark;

    public static void main(String[] args) throws Exception {
        Thread app = new Thread(() -> Application.launch(HangarApplication.class), "bench-app");
        app.setDaemon(true);
        app.start();
        int exit = 0;
        try {
            new GuiLaunchDriver().run(args.length > 0 ? args[0] : "g5.xlarge", args.length > 1 ? args[1] : "research-data",
                    Integer.parseInt(args.length > 2 ? args[2] : "3"));
        } catch (Throwable e) {
            e.printStackTrace();
            exit = 1;
        }
        System.out.flush();
        System.exit(exit);
    }

    private void run(String instanceType, String bucket, int refreshes) throws Exception {
        long t0 = System.nanoTime();
        waitUntil(() -> wizard() != null && find("#nextButton") != null, "the wizard window");
        onFx(meter::start);
        int wizardMark = CallLog.mark();
        stepMark = wizardMark;
        phase();

        next("Account"); // signs in from the environment's credentials on entry
        next("Region"); // AWS_REGION chose it
        waitUntil(() -> find("#typeTable") instanceof TableView<?> t && !t.getItems().isEmpty(), "the GPU types");
        onFx(() -> ((TextField) find("#typeFilter")).setText(instanceType));
        waitUntil(() -> ((TableView<?>) find("#typeTable")).getItems().size() == 1, "the filter to " + instanceType);
        onFx(() -> ((TableView<?>) find("#typeTable")).getSelectionModel().select(0));
        next("GPU type");
        waitUntil(() -> firstImage() != null, "the machine images");
        onFx(() -> imageTree().getSelectionModel().select(firstImage()));
        next("Machine image");
        next("Access"); // SSM only: no key pair, no inbound port
        waitUntil(() -> find("#bucketChoice") instanceof ComboBox<?> c && c.getItems().contains(bucket), "the buckets");
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> buckets = (ComboBox<String>) find("#bucketChoice");
            buckets.getSelectionModel().select(bucket);
        });
        next("Data");
        next("Options");
        next("Run"); // no run: the machine only
        waitUntil(() -> "Launch".equals(((Button) find("#nextButton")).getText()) && !find("#nextButton").isDisabled(), "the review to allow Launch");
        callsPerStep.put("Review", CallLog.histogram(CallLog.since(stepMark)));
        result.put("wizard", phaseEnd(wizardMark));
        result.put("wizardCallsPerStep", callsPerStep);
        result.put("wizardSeconds", (System.nanoTime() - t0) / 1e9);

        int launchMark = CallLog.mark();
        phase();
        onFx(() -> ((Button) find("#nextButton")).fire());
        waitUntil(() -> find("#launchMessage") != null, "the Launch step");
        // A launch that succeeds moves on to Done by itself; one that fails stays, with Back enabled.
        waitUntil(() -> "Done".equals(((javafx.scene.control.Label) find("#stepTitle")).getText()) || !find("#backButton").isDisabled(),
                "the launch to end");
        result.put("launch", phaseEnd(launchMark));
        String message = fx(() -> ((javafx.scene.control.Label) find("#launchMessage")).getText());
        callsPerStep.put("Launch", CallLog.histogram(CallLog.since(stepMark)));
        stepMark = CallLog.mark();
        if (!(find("#openMonitorButton") instanceof Button)) {
            throw new AssertionError("the launch did not succeed: " + message);
        }
        result.put("rssAfterLaunchMb", rss("VmRSS"));

        phase();
        int monitorMark = CallLog.mark();
        onFx(() -> ((Button) find("#openMonitorButton")).fire());
        waitUntil(() -> monitor() != null && find(monitor(), "#refreshing") != null, "the monitor window");
        waitUntil(() -> !find(monitor(), "#refreshing").isVisible() && find(monitor(), "#instanceTable") instanceof TableView<?> t
                && !t.getItems().isEmpty(), "the monitor's first refresh");
        result.put("monitorOpen", phaseEnd(monitorMark));
        phase();
        monitorMark = CallLog.mark();
        List<Map<String, Integer>> perRefresh = new java.util.ArrayList<>();
        for (int i = 0; i < refreshes; i++) {
            int mark = CallLog.mark();
            onFx(() -> ((Button) find(monitor(), "#refreshButton")).fire());
            waitUntil(() -> find(monitor(), "#refreshing").isVisible() || CallLog.mark() > mark, "a refresh to start");
            waitUntil(() -> !find(monitor(), "#refreshing").isVisible(), "a refresh to finish");
            perRefresh.add(CallLog.histogram(CallLog.since(mark)));
        }
        result.put("monitor", phaseEnd(monitorMark));
        result.put("monitorRefreshCalls", perRefresh);
        result.put("peakRssMb", rss("VmHWM"));
        result.put("rssAnonMb", rss("RssAnon")); // private memory (heap, metaspace, malloc)
        result.put("rssFileMb", rss("RssFile")); // mapped files (libraries, class-data archives): shared, reclaimable
        result.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.gc();
        Runtime rt = Runtime.getRuntime();
        result.put("heapLiveMb", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        if (Boolean.getBoolean("bench.nmt")) {
            printMemoryBreakdown();
        }
        System.out.println(RESULT + new ObjectMapper().writeValueAsString(result));
    }

    /** With -XX:NativeMemoryTracking=summary and -Dbench.nmt=true: where the memory went (on standard error). */
    private static void printMemoryBreakdown() throws Exception {
        System.gc();
        System.err.println(java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()}));
        String histogram = (String) java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        histogram.lines().limit(40).forEach(System.err::println);
        Map<String, Long> byMapping = new java.util.TreeMap<>();
        String name = "?";
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 5 && f[0].contains("-") && !f[0].endsWith(":")) {
                name = f.length >= 6 ? f[5] : "[anon]";
            } else if (f[0].equals("Rss:")) {
                byMapping.merge(name, Long.parseLong(f[1]), Long::sum);
            }
        }
        byMapping.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(25)
                .forEach(e -> System.err.println("smaps " + e.getValue() / 1024 + " MB " + e.getKey()));
    }

    private void phase() throws Exception {
        onFx(meter::reset);
    }

    private Map<String, Object> phaseEnd(int mark) throws Exception {
        PulseMeter.Reading r = fx(meter::read);
        List<CallLog.Entry> calls = CallLog.since(mark);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("longestGapMs", r.longestGapMs());
        m.put("longestFxCpuMs", r.longestFxCpuMs());
        m.put("pulses", r.pulses());
        m.put("gcMs", r.gcMs());
        m.put("longGaps", r.longGaps());
        m.put("calls", calls.size());
        m.put("callsByOperation", CallLog.histogram(calls));
        return m;
    }

    private void next(String step) throws Exception {
        waitUntil(() -> find("#nextButton") instanceof Button b && !b.isDisabled(), "Next on " + step);
        String title = fx(() -> ((javafx.scene.control.Label) find("#stepTitle")).getText());
        callsPerStep.put(step, CallLog.histogram(CallLog.since(stepMark)));
        stepMark = CallLog.mark();
        // A form step's Next is pressable before its input is complete (pressed, it shows what is missing): press again
        // until a selection made just before has reached the spec.
        waitUntil(() -> {
            if (title.equals(((javafx.scene.control.Label) find("#stepTitle")).getText())) {
                ((Button) find("#nextButton")).fire();
            }
            return !title.equals(((javafx.scene.control.Label) find("#stepTitle")).getText());
        }, "the step after " + step);
    }

    @SuppressWarnings("unchecked")
    private static TreeTableView<ImageInfo> imageTree() {
        return (TreeTableView<ImageInfo>) find("#amiTree");
    }

    private TreeItem<ImageInfo> firstImage() {
        TreeTableView<ImageInfo> tree = imageTree();
        if (tree == null || tree.getRoot() == null) {
            return null;
        }
        for (TreeItem<ImageInfo> group : tree.getRoot().getChildren()) {
            for (TreeItem<ImageInfo> image : group.getChildren()) {
                if (image.getValue() != null && image.getValue().imageId() != null) {
                    return image;
                }
            }
        }
        return null;
    }

    private static Window wizard() {
        return Window.getWindows().stream().filter(w -> w.getScene() != null && w.getScene().lookup("#nextButton") != null).findFirst().orElse(null);
    }

    private static Window monitor() {
        return Window.getWindows().stream().filter(w -> w.getScene() != null && w.getScene().lookup("#instanceTable") != null).findFirst().orElse(null);
    }

    private static Node find(String query) {
        return find(wizard(), query);
    }

    private static Node find(Window window, String query) {
        return window == null ? null : window.getScene().lookup(query);
    }

    /** Polls a condition on the FX thread. */
    private static void waitUntil(Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (true) {
            Boolean ok;
            try {
                ok = fx(condition);
            } catch (IllegalStateException toolkitNotUpYet) {
                ok = false;
            }
            if (Boolean.TRUE.equals(ok)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + STEP_TIMEOUT.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void onFx(Runnable work) throws Exception {
        fx(() -> {
            work.run();
            return null;
        });
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(() -> {
            try {
                return work.call();
            } catch (ClassCastException | NullPointerException notThereYet) {
                return null;
            }
        });
        Platform.runLater(task);
        return task.get(30, TimeUnit.SECONDS);
    }

    /** A line of /proc/self/status in MB (Linux). */
    private static double rss(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
            }
        }
        throw new IllegalStateException(field + " is not in /proc/self/status");
    }
}
