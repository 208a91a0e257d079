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
    /** Printed with the launch's id when the Logs tab follows it: the benchmark then streams lines into its log group. */
    static final String LOGS = "bench-gui-logs ";
    /** Printed when the Logs tab has shown {@link #LOG_LINES}: the benchmark stops streaming. */
    static final String LOGS_DONE = "bench-gui-logs-done";
    static final int LOG_LINES = 2000;
    /** How long a view is left alone before the next action: a person reads a step for longer. */
    private static final long DWELL_MS = 300;
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);

    private final PulseMeter meter = new PulseMeter();
    private final Map<String, Object> result = new LinkedHashMap<>();
    private final Map<String, Object> callsPerStep = new LinkedHashMap<>();
    private final Map<String, Object> views = new LinkedHashMap<>();
    private int stepMark;
    private String currentView;

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

        view("Account"); // signs in from the environment's credentials on entry
        waitUntil(() -> !find("#nextButton").isDisabled(), "the sign-in");
        nextView("Region", "Account");
        nextView("GPU type", "Region"); // AWS_REGION chose it
        waitUntil(() -> find("#typeTable") instanceof TableView<?> t && !t.getItems().isEmpty(), "the GPU types");
        onFx(() -> ((TextField) find("#typeFilter")).setText(instanceType));
        waitUntil(() -> ((TableView<?>) find("#typeTable")).getItems().size() == 1, "the filter to " + instanceType);
        onFx(() -> ((TableView<?>) find("#typeTable")).getSelectionModel().select(0));
        nextView("Machine image", "GPU type");
        waitUntil(() -> firstImage() != null, "the machine images");
        onFx(() -> imageTree().getSelectionModel().select(firstImage()));
        nextView("Access", "Machine image"); // SSM only: no key pair, no inbound port
        view("Access: network choice");
        click("#isolatedRadio");
        click("#privateRadio");
        nextView("Data", "Access");
        waitUntil(() -> find("#bucketChoice") instanceof ComboBox<?> c && c.getItems().contains(bucket), "the buckets");
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> buckets = (ComboBox<String>) find("#bucketChoice");
            buckets.getSelectionModel().select(bucket);
        });
        nextView("Options", "Data");
        view("Options: cluster");
        click("#clusterRadio");
        nextView("Run", "Options");
        nextView("Review: cluster", "Run");
        waitUntil(() -> text("#launchBlockedReason").contains("ParallelCluster"), "the cluster's review");
        view("Back to Options");
        back();
        back();
        click("#oneNodeRadio");
        nextView("Run: a training job", "Options");
        click("#runRadio");
        onFx(() -> ((javafx.scene.control.TextInputControl) find("#commandArea")).setText("python train.py --epochs 3"));
        nextView("Review", "Run");
        waitUntil(() -> "Launch".equals(((Button) find("#nextButton")).getText()) && !find("#nextButton").isDisabled(), "the review to allow Launch");
        callsPerStep.put("Review", CallLog.histogram(CallLog.since(stepMark)));
        result.put("wizard", calls(wizardMark));
        result.put("wizardCallsPerStep", callsPerStep);
        result.put("wizardSeconds", (System.nanoTime() - t0) / 1e9);

        int launchMark = CallLog.mark();
        view("launch");
        onFx(() -> ((Button) find("#nextButton")).fire());
        waitUntil(() -> find("#launchMessage") != null, "the Launch step");
        // A launch that succeeds moves on to Done by itself; one that fails stays, with Back enabled.
        waitUntil(() -> "Done".equals(text("#stepTitle")) || !find("#backButton").isDisabled(), "the launch to end");
        String message = fx(() -> text("#launchMessage"));
        if (!(find("#openMonitorButton") instanceof Button)) {
            throw new AssertionError("the launch did not succeed: " + message);
        }
        result.put("launch", calls(launchMark));
        result.put("rssAfterLaunchMb", rss("VmRSS"));

        int monitorMark = CallLog.mark();
        view("Monitor: open");
        // Not waited for: were a dialog to open instead, fire() would return only when it closed.
        Platform.runLater(() -> ((Button) find("#openMonitorButton")).fire());
        waitUntil(() -> monitor() != null && find(monitor(), "#refreshing") != null, "the monitor window");
        waitUntil(() -> !find(monitor(), "#refreshing").isVisible() && find(monitor(), "#instanceTable") instanceof TableView<?> t
                && !t.getItems().isEmpty(), "the monitor's first refresh");
        result.put("monitorOpen", calls(monitorMark));
        view("Monitor: refresh");
        monitorMark = CallLog.mark();
        List<Map<String, Integer>> perRefresh = new java.util.ArrayList<>();
        for (int i = 0; i < refreshes; i++) {
            int mark = CallLog.mark();
            onFx(() -> ((Button) find(monitor(), "#refreshButton")).fire());
            waitUntil(() -> find(monitor(), "#refreshing").isVisible() || CallLog.mark() > mark, "a refresh to start");
            waitUntil(() -> !find(monitor(), "#refreshing").isVisible(), "a refresh to finish");
            perRefresh.add(CallLog.histogram(CallLog.since(mark)));
        }
        result.put("monitor", calls(monitorMark));
        result.put("monitorRefreshCalls", perRefresh);

        view("Monitor: Logs tab");
        onFx(() -> {
            ((TableView<?>) find(monitor(), "#instanceTable")).getSelectionModel().select(0);
            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) find(monitor(), "#detailTabs");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "logsTab".equals(t.getId())).findFirst().orElseThrow());
        });
        try {
            waitUntil(() -> text(monitor(), "#logStatus").matches(".*/hangar/[\\w-]+.*"), "the Logs tab to follow the launch's log group");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; it says: " + fx(() -> text(monitor(), "#logStatus")), e);
        }
        String group = fx(() -> text(monitor(), "#logStatus")).replaceFirst("^.*(/hangar/[\\w-]+).*$", "$1");
        view("Monitor: Logs tab following a fast stream");
        // The benchmark writes lines to the launch's log group as fast as a chatty training run, until told to stop.
        System.out.println(LOGS + group.substring(group.lastIndexOf('/') + 1));
        System.out.flush();
        waitUntil(() -> ((javafx.scene.control.ListView<?>) find(monitor(), "#logList")).getItems().size() >= LOG_LINES, "the streamed lines");
        view(null);
        System.out.println(LOGS_DONE);
        System.out.flush();
        result.put("views", views);
        result.put("logLinesShown", fx(() -> ((javafx.scene.control.ListView<?>) find(monitor(), "#logList")).getItems().size()));
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
        String heapDump = System.getProperty("bench.heapDump");
        if (heapDump != null) { // live objects only: what the app holds after a run
            java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).dumpHeap(heapDump, true);
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

    /**
     * Ends the view measured so far (after a dwell, as a person reading it would: work a view does while idle counts
     * as its own) and starts measuring {@code name}, or none: the longest FX-thread stall in each, and what caused it.
     */
    private void view(String name) throws Exception {
        if (currentView != null) {
            Thread.sleep(DWELL_MS);
            PulseMeter.Reading r = fx(meter::read);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("longestGapMs", r.longestGapMs());
            m.put("longestFxCpuMs", r.longestFxCpuMs());
            m.put("pulses", r.pulses());
            m.put("gcMs", r.gcMs());
            m.put("longGaps", r.longGaps());
            views.put(currentView, m);
        }
        currentView = name;
        onFx(meter::reset);
    }

    private static Map<String, Object> calls(int mark) {
        List<CallLog.Entry> calls = CallLog.since(mark);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("calls", calls.size());
        m.put("callsByOperation", CallLog.histogram(calls));
        return m;
    }

    /** Fires a button (a radio, a check box) and lets the scene take it in. */
    private void click(String query) throws Exception {
        waitUntil(() -> find(query) instanceof javafx.scene.control.ButtonBase b && !b.isDisabled(), query);
        onFx(() -> ((javafx.scene.control.ButtonBase) find(query)).fire());
        Thread.sleep(DWELL_MS);
    }

    private void back() throws Exception {
        String title = fx(() -> text("#stepTitle"));
        onFx(() -> ((Button) find("#backButton")).fire());
        waitUntil(() -> !title.equals(text("#stepTitle")), "the step before " + title);
    }

    /** A label's or button's text; on the FX thread. */
    private static String text(String query) {
        return text(wizard(), query);
    }

    private static String text(Window window, String query) {
        String t = ((javafx.scene.control.Labeled) find(window, query)).getText();
        return t == null ? "" : t;
    }

    /**
     * Waits until the step shown is ready (Next enabled: its lists loaded), leaves it for the dwell, as a person
     * reading it would, then measures {@code name} from pressing Next.
     */
    private void nextView(String name, String step) throws Exception {
        waitUntil(() -> find("#nextButton") instanceof Button b && !b.isDisabled(), "Next on " + step);
        view(name);
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
        return window("#nextButton");
    }

    private static Window monitor() {
        return window("#instanceTable");
    }

    /** The windows found so far, by a node only they have: looked for again only while not found. */
    private static final Map<String, Window> WINDOWS = new java.util.HashMap<>();
    /** Nodes found so far, per window and id: {@link Node#lookup} parses its selector at every node it visits, and polled on the FX thread it was the benchmark's own largest cost there. */
    private static final Map<Window, Map<String, Node>> NODES = new java.util.HashMap<>();

    private static Window window(String marker) {
        Window known = WINDOWS.get(marker);
        if (known != null && known.isShowing()) {
            return known;
        }
        Window found = Window.getWindows().stream().filter(w -> w.getScene() != null && byId(w.getScene().getRoot(), marker.substring(1)) != null)
                .findFirst().orElse(null);
        WINDOWS.put(marker, found);
        return found;
    }

    private static Node find(String query) {
        return find(wizard(), query);
    }

    /** A node by its id ({@code "#id"}) in a window's scene, from the cache while it is still in that scene. */
    private static Node find(Window window, String query) {
        if (window == null) {
            return null;
        }
        Map<String, Node> nodes = NODES.computeIfAbsent(window, w -> new java.util.HashMap<>());
        Node known = nodes.get(query);
        if (known != null && known.getScene() == window.getScene()) {
            return known;
        }
        Node found = byId(window.getScene().getRoot(), query.substring(1));
        nodes.put(query, found);
        return found;
    }

    private static Node byId(Node node, String id) {
        if (id.equals(node.getId())) {
            return node;
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = byId(child, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
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
                throw new AssertionError("timed out after " + STEP_TIMEOUT.toSeconds() + " s waiting for " + what + "; windows showing: "
                        + fx(() -> Window.getWindows().stream().map(w -> w instanceof javafx.stage.Stage st ? st.getTitle() : w.getClass().getSimpleName()).toList()));
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
