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
import java.util.Optional;
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
        private final List<String> jvmOptions = new ArrayList<>();
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

        Spec jvmOption(String option) {
            jvmOptions.add(option);
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
            cmd.add(classPath());
            if (headless) {
                cmd.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                        "-Dheadless.geometry=1920x1200-32",
                        "-Djava.awt.headless=true"));
            }
            properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
            cmd.addAll(jvmOptions);
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
     * installer/common/jpackage.txt), so that the figures are the installed app's. Its class-data archive,
     * which the package records at install time, is the one {@link #archive()} recorded the same way.
     */
    static List<String> launcherOptions() {
        Optional<Path> archive = archive();
        List<String> options = new ArrayList<>();
        for (String option : installerOptions()) {
            if (!option.contains("$APPDIR")) {
                options.add(option);
            } else if (archive.isPresent()) {
                options.add(option.replace("$APPDIR/hangar.jsa", archive.get().toString()));
            }
        }
        return options;
    }

    private static List<String> installerOptions() {
        Path argfile = Path.of(System.getProperty("bench.installerOptions", "installer/common/jpackage.txt"));
        List<String> options = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(argfile)) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^--java-options\\s+\"(.*)\"\\s*$").matcher(line.trim());
                if (m.matches()) {
                    options.addAll(List.of(m.group(1).trim().split("\\s+")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the launcher's JVM options from " + argfile, e);
        }
        return options;
    }

    private static Optional<Path> archive;

    /**
     * The app's class-data archive, recorded once per benchmark run as the Linux package's postinst does
     * (the launcher's options, {@code Main --preload-classes} under {@code -XX:ArchiveClassesAtExit}), on
     * the children's class path; empty if it could not be made (the children then run without, as the app
     * does when its archive is missing).
     */
    static synchronized Optional<Path> archive() {
        if (archive == null) {
            archive = Optional.empty();
            Path jsa = BenchReport.directory().resolve("hangar.jsa");
            try {
                Files.deleteIfExists(jsa);
                List<String> cmd = new ArrayList<>();
                cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                installerOptions().stream().filter(o -> !o.contains("$APPDIR") && !o.startsWith("-Xshare")).forEach(cmd::add);
                cmd.addAll(List.of("-XX:ArchiveClassesAtExit=" + jsa, "-cp", classPath(), "dev.hangar.app.Main", "--preload-classes"));
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(BenchReport.directory().resolve("children.err.log").toFile())).start();
                if (p.waitFor(3, TimeUnit.MINUTES) && p.exitValue() == 0 && Files.isRegularFile(jsa)) {
                    archive = Optional.of(jsa);
                }
            } catch (IOException e) {
                // No archive: the children run without one.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return archive;
    }

    /**
     * The built jar (its manifest names lib/*, Monocle's headless screen among them) and the benchmark's classes and the
     * SDK call log as one jar: jars only, and the same for every child, since a class-data archive holds only for the
     * class path it was recorded on.
     */
    private static String classPath;

    private static synchronized String classPath() {
        if (classPath != null) {
            return classPath; // built once: an archive also checks that its jars are unchanged
        }
        Path jar = Path.of(System.getProperty("bench.jar", "target/hangar.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("the app jar " + jar + " is missing: run the benchmarks with 'mvn -B -Pbench verify', which builds it first");
        }
        classPath = String.join(File.pathSeparator, jar.toString(), benchJar().toString());
        return classPath;
    }

    /** target/bench/bench-classes.jar: this package's classes and src/bench/resources. */
    private static Path benchJar() {
        Path out = BenchReport.directory().resolve("bench-classes.jar");
        Path classes = testClassPath().stream().filter(e -> e.endsWith("test-classes")).map(Path::of).findFirst()
                .orElseThrow(() -> new AssertionError("no test-classes on the test class path"));
        try {
            Files.createDirectories(out.getParent());
            try (java.util.jar.JarOutputStream jar = new java.util.jar.JarOutputStream(Files.newOutputStream(out))) {
                addTree(jar, classes, classes.resolve("dev/hangar/bench"));
                String resources = System.getProperty("bench.resources");
                if (resources != null) {
                    addTree(jar, Path.of(resources), Path.of(resources));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        return out;
    }

    private static void addTree(java.util.jar.JarOutputStream jar, Path root, Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new java.util.jar.JarEntry(root.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, jar);
                jar.closeEntry();
            }
        }
    }

    /** Failsafe's real class path (java.class.path may be a manifest-only booter jar). */
    private static List<String> testClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(cp.split(File.pathSeparator));
    }
}
