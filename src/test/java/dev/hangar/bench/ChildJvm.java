package dev.hangar.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started from the built app the way the README starts it ({@code target/hangar.jar}, whose
 * manifest brings {@code lib/}), plus the benchmark classes and, when asked, Monocle for a headless
 * screen. Its standard output is read line by line as it comes.
 */
final class ChildJvm implements AutoCloseable {

    /** The lines a child printed, with the parent's clock when each arrived. */
    record Line(String text, long nanos) {
    }

    private static final Line END = new Line(null, 0);

    private final Process process;
    private final long startedNanos;
    private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
    private final List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());

    private ChildJvm(Process process, long startedNanos) {
        this.process = process;
        this.startedNanos = startedNanos;
        Thread reader = new Thread(this::pump, "bench-child-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** What to start: the main class, system properties, environment, whether the screen is Monocle's headless one. */
    static final class Spec {
        private final String mainClass;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> envRemovedPrefixes = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private boolean headless = true;

        Spec(String mainClass) {
            this.mainClass = mainClass;
        }

        Spec property(String name, String value) {
            properties.put(name, value);
            return this;
        }

        Spec env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /**
         * Leaves out of the child's environment every inherited variable whose name starts with {@code prefix}
         * (e.g. {@code "AWS_"}: no credentials of the machine reach the child); {@link #env} still sets its own.
         */
        Spec envRemovePrefix(String prefix) {
            envRemovedPrefixes.add(prefix);
            return this;
        }

        Spec arg(String value) {
            args.add(value);
            return this;
        }

        /** false: a real window on $DISPLAY (X11/GTK); true: Monocle's headless screen with the software renderer. */
        Spec headless(boolean value) {
            headless = value;
            return this;
        }

        ChildJvm start() {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(launcherOptions());
            cmd.add("-cp");
            cmd.add(classPath(headless));
            if (headless) {
                cmd.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                        "-Dheadless.geometry=1920x1200-32",
                        "-Djava.awt.headless=true"));
            }
            properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
            String extra = System.getProperty("bench.jvmOptions", "").trim();
            if (!extra.isEmpty()) {
                cmd.addAll(List.of(extra.split("\\s+")));
            }
            cmd.add(mainClass);
            cmd.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
            pb.redirectError(ProcessBuilder.Redirect.appendTo(BenchReport.directory().resolve("children.err.log").toFile()));
            pb.environment().keySet().removeIf(name -> envRemovedPrefixes.stream().anyMatch(name::startsWith));
            pb.environment().putAll(env);
            try {
                Files.createDirectories(BenchReport.directory());
                long t0 = System.nanoTime();
                return new ChildJvm(pb.start(), t0);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start " + cmd, e);
            }
        }
    }

    static Spec of(String mainClass) {
        return new Spec(mainClass);
    }

    long startedNanos() {
        return startedNanos;
    }

    long pid() {
        return process.pid();
    }

    /** The next line starting with {@code prefix}; fails with what the child printed when it ends or times out first. */
    Line await(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Line line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no '" + prefix + "' from the child within " + timeout + "; it printed: " + all
                        + " (its standard error: " + BenchReport.directory().resolve("children.err.log") + ")");
            }
            if (line == END) {
                lines.add(END);
                throw new AssertionError("the child ended (exit " + process.waitFor() + ") before printing '" + prefix + "'; it printed: " + all
                        + " (its standard error: " + BenchReport.directory().resolve("children.err.log") + ")");
            }
            if (line.text().startsWith(prefix)) {
                return line;
            }
        }
    }

    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the child did not end within " + timeout + "; it printed: " + all);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String s;
            while ((s = in.readLine()) != null) {
                all.add(s);
                lines.add(new Line(s, System.nanoTime()));
            }
        } catch (IOException e) {
            all.add("(reading failed: " + e + ")");
        } finally {
            lines.add(END);
        }
    }

    /**
     * The JVM options the installed launcher starts the app with ({@code --java-options} in
     * installer/common/jpackage.txt), so that the figures are the installed app's. The AppCDS archive
     * is left out: the package records it at install time, on the installed paths.
     */
    static List<String> launcherOptions() {
        Path argfile = Path.of(System.getProperty("bench.installerOptions", "installer/common/jpackage.txt"));
        List<String> options = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(argfile)) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^--java-options\\s+\"(.*)\"\\s*$").matcher(line.trim());
                if (m.matches()) {
                    for (String option : m.group(1).trim().split("\\s+")) {
                        if (!option.contains("$APPDIR")) {
                            options.add(option);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the launcher's JVM options from " + argfile, e);
        }
        return options;
    }

    /** The built jar (its manifest names lib/*), the test classes, and Monocle when the screen is headless. */
    private static String classPath(boolean headless) {
        Path jar = Path.of(System.getProperty("bench.jar", "target/hangar.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("the app jar " + jar + " is missing: run the benchmarks with 'mvn -B -Pbench verify', which builds it first");
        }
        List<String> entries = new ArrayList<>();
        entries.add(jar.toString());
        // The SDK call log, which the benchmarks' own class path has too (see CallLog).
        String bench = System.getProperty("bench.resources");
        if (bench != null) {
            entries.add(bench);
        }
        for (String entry : testClassPath()) {
            if (entry.endsWith("test-classes") || headless && entry.contains("openjfx-monocle")) {
                entries.add(entry);
            }
        }
        if (headless && entries.stream().noneMatch(e -> e.contains("openjfx-monocle"))) {
            throw new AssertionError("Monocle is not on the test class path: " + testClassPath());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Failsafe's real class path (java.class.path may be a manifest-only booter jar). */
    private static List<String> testClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(cp.split(File.pathSeparator));
    }
}
