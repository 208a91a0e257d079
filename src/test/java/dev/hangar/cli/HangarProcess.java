package dev.hangar.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Hangar's command line as a separate JVM ({@code java -cp <test class path> dev.hangar.app.Main ...}),
 * for what only a real process shows: {@code kill -9} in the middle of a launch, and everything the
 * process writes to its standard streams with logging turned up. Output goes to files in {@code dir}.
 */
final class HangarProcess {

    final Process process;
    final Path stdout;
    final Path stderr;

    private HangarProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * @param env     the variables to set; every AWS_* and HANGAR_* variable of this JVM is removed first
     * @param jvmArgs e.g. {@code -Dorg.slf4j.simpleLogger.defaultLogLevel=debug}
     */
    static HangarProcess start(Path dir, Map<String, String> env, List<String> jvmArgs, String... args) throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A short-lived command: start fast rather than run fast.
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx256m", "-Djava.awt.headless=true"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", classPath(), "dev.hangar.app.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("HANGAR_"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "stdout-", ".txt");
        Path err = Files.createTempFile(dir, "stderr-", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close(); // no terminal: nothing to confirm on
        return new HangarProcess(p, out, err);
    }

    /**
     * The test JVM's class path: Surefire sets {@code java.class.path} to the real one (test classes,
     * main classes, every dependency) even when it starts the JVM through a manifest-only jar.
     */
    static String classPath() {
        String cp = System.getProperty("java.class.path");
        boolean hasMain = false;
        for (String entry : cp.split(File.pathSeparator)) {
            hasMain |= Files.isRegularFile(Path.of(entry, "dev", "hangar", "app", "Main.class"));
        }
        if (!hasMain) {
            throw new IllegalStateException("the test class path does not hold dev.hangar.app.Main, so Hangar cannot be started as a process: " + cp);
        }
        return cp;
    }

    /** {@code kill -9}: no shutdown hook, no rollback, no last journal write. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the killed process did not end");
        }
    }

    int await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("hangar did not finish within " + timeout + "\n" + output());
        }
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    String out() {
        return read(stdout);
    }

    String err() {
        return read(stderr);
    }

    String output() {
        return "--- stdout ---\n" + out() + "\n--- stderr ---\n" + err();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }
}
