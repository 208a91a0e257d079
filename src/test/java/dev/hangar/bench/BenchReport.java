package dev.hangar.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The figures of one benchmark: printed as a table, written to {@code target/bench/<bench>.json}, and
 * merged with the other benchmarks' into {@code results.json} and {@code results.md}.
 */
final class BenchReport {

    /** One measured figure; {@code goal} and {@code met} are null for figures without a goal. */
    record Figure(String name, double value, String unit, String goal, Boolean met, String note) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String bench;
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();

    BenchReport(String bench) {
        this.bench = bench;
    }

    void figure(String name, double value, String unit, String note) {
        figures.add(new Figure(name, value, unit, null, null, note));
    }

    /** A figure whose goal is an upper bound. */
    void atMost(String name, double value, String unit, double limit, String note) {
        figures.add(new Figure(name, value, unit, "≤ " + format(limit) + " " + unit, value <= limit, note));
    }

    /** A figure that must be exactly {@code expected}. */
    void exactly(String name, double value, String unit, double expected, String note) {
        figures.add(new Figure(name, value, unit, "= " + format(expected) + " " + unit, value == expected, note));
    }

    /** Raw measurements (per-run values, per-step counts) kept in the JSON for whoever digs deeper. */
    void detail(String key, Object value) {
        details.put(key, value);
    }

    void write() {
        System.out.println();
        System.out.println("== " + bench + " ==");
        System.out.print(table(figures));
        try {
            Path dir = directory();
            Files.createDirectories(dir);
            ObjectNode root = JSON.createObjectNode();
            root.put("bench", bench);
            root.put("measuredAt", Instant.now().toString());
            root.set("machine", JSON.valueToTree(machine()));
            root.set("figures", JSON.valueToTree(figures));
            root.set("details", JSON.valueToTree(details));
            JSON.writeValue(dir.resolve(bench + ".json").toFile(), root);
            mergeAll(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path directory() {
        return Path.of(System.getProperty("bench.dir", "target/bench"));
    }

    /** results.json and results.md: every benchmark's figures so far, one table. */
    private static void mergeAll(Path dir) throws IOException {
        ObjectNode all = JSON.createObjectNode();
        List<String> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().equals("results.json")).sorted().toList()) {
                ObjectNode one = (ObjectNode) JSON.readTree(f.toFile());
                all.set(one.get("bench").asText(), one);
                if (!all.has("machine")) {
                    all.set("machine", one.get("machine"));
                }
                for (var fig : one.get("figures")) {
                    rows.add(row(one.get("bench").asText() + ": " + fig.get("name").asText(), fig.get("value").asDouble(),
                            fig.get("unit").asText(), fig.get("goal").isNull() ? null : fig.get("goal").asText(),
                            fig.get("met").isNull() ? null : fig.get("met").asBoolean()));
                }
            }
        }
        JSON.writeValue(dir.resolve("results.json").toFile(), all);
        Files.writeString(dir.resolve("results.md"), "| figure | value | goal | |\n|---|---:|---|---|\n" + String.join("\n", rows) + "\n");
    }

    private static String table(List<Figure> figures) {
        int width = figures.stream().mapToInt(f -> f.name().length()).max().orElse(10);
        StringBuilder out = new StringBuilder();
        for (Figure f : figures) {
            String value = format(f.value()) + " " + f.unit();
            String goal = f.goal() == null ? "" : f.goal() + (f.met() ? "  met" : "  MISSED");
            out.append(String.format(Locale.ROOT, "  %-" + width + "s  %16s   %-22s %s%n", f.name(), value, goal, f.note() == null ? "" : f.note()));
        }
        return out.toString();
    }

    private static String row(String name, double value, String unit, String goal, Boolean met) {
        return "| " + name + " | " + format(value) + " " + unit + " | " + (goal == null ? "" : goal) + " | "
                + (met == null ? "" : met ? "met" : "**missed**") + " |";
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.3f", v);
    }

    /** Which machine the figures are from: they mean little without it. */
    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("cpuModel", cpuModel());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            m.put("memoryGiB", Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024)));
        }
        return m;
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException | UncheckedIOException e) {
            return "unknown";
        }
    }
}
