package dev.hangar.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * AWS ParallelCluster's own schema ({@code pcluster.schemas.cluster_schema.ClusterSchema}) as a check on a cluster
 * configuration: the pinned {@code aws-parallelcluster} package is installed once into a virtual environment under
 * {@code ~/.cache/hangar} (or with {@code pip --target} where python3 has no venv module), the way moto and ShellCheck
 * are, and each check loads the YAML in a python subprocess with dummy credentials and every AWS endpoint pointed at a
 * closed local port: nothing leaves the machine. A machine that cannot install it fails the test with the reason.
 */
public final class ParallelClusterSchema {

    public static final String VERSION = "3.16.1";
    private static final String COMPLETE_MARKER = ".hangar-install-complete";
    private static final String SCRIPT = "pcluster_schema_check.py";

    private ParallelClusterSchema() {
    }

    /**
     * @param loaded whether the schema accepted the configuration
     * @param output "LOADED", or the schema's errors by field (JSON), or what else python said
     */
    public record Result(boolean loaded, String output) {
    }

    /** Loads {@code yaml} as the configuration of cluster {@code clusterName} in {@code region}. */
    public static Result check(String clusterName, String region, String yaml) throws IOException, InterruptedException {
        Installation pc = installation();
        Path dir = Files.createTempDirectory("hangar-pcluster-schema");
        try {
            Path config = Files.writeString(dir.resolve("cluster-config.yaml"), yaml, StandardCharsets.UTF_8);
            Path script = dir.resolve(SCRIPT);
            try (InputStream in = ParallelClusterSchema.class.getResourceAsStream(SCRIPT)) {
                Files.copy(in, script);
            }
            ProcessBuilder pb = new ProcessBuilder(pc.python(), script.toString(), clusterName, config.toString())
                    .redirectErrorStream(false).directory(dir.toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("AWS_"));
            env.put("AWS_DEFAULT_REGION", region);
            env.put("AWS_ACCESS_KEY_ID", "testing");
            env.put("AWS_SECRET_ACCESS_KEY", "testing");
            // The schema asks EC2 about a capacity reservation while loading; it only warns when it cannot reach it.
            env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
            env.put("AWS_MAX_ATTEMPTS", "1");
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            env.put("HOME", dir.toString()); // ParallelCluster writes its log under ~/.parallelcluster
            pc.pythonPath().ifPresent(p -> env.put("PYTHONPATH", p.toString()));
            Run run = run(pb, 120);
            if (run.exit() == 0 && run.stdout().strip().endsWith("LOADED")) {
                return new Result(true, "LOADED");
            }
            if (run.exit() == 1) {
                return new Result(false, run.stdout().strip());
            }
            throw new IllegalStateException("ParallelCluster's schema check did not run (exit " + run.exit() + "):\n" + run.stdout() + run.stderr());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private record Installation(String python, java.util.Optional<Path> pythonPath) {
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    /** The venv's python, installing {@code aws-parallelcluster==VERSION} first when it is not complete. */
    static synchronized Installation installation() throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("user.home"), ".cache", "hangar", "parallelcluster-" + VERSION);
        Path venvPython = home.resolve("venv").resolve("bin").resolve("python");
        Path target = home.resolve("site-packages");
        if (Files.exists(home.resolve(COMPLETE_MARKER))) {
            return Files.isExecutable(venvPython) ? new Installation(venvPython.toString(), java.util.Optional.empty())
                    : new Installation("python3", java.util.Optional.of(target));
        }
        Files.createDirectories(home);
        String requirement = "aws-parallelcluster==" + VERSION;
        System.err.println("[pcluster] installing " + requirement + " into " + home + " (once; about 185 MB)");
        List<String> log = new ArrayList<>();
        Installation made;
        Run venv = run(new ProcessBuilder("python3", "-m", "venv", "--clear", home.resolve("venv").toString()), 300);
        if (venv.exit() == 0 && Files.isExecutable(venvPython)) {
            made = new Installation(venvPython.toString(), java.util.Optional.empty());
            pip(log, venvPython.toString(), List.of(requirement));
        } else {
            // Debian's python3 without python3-venv: install beside it instead.
            log.add("python3 -m venv failed, so pip --target " + target + ":\n" + venv.stdout() + venv.stderr());
            made = new Installation("python3", java.util.Optional.of(target));
            pip(log, "python3", List.of("--target", target.toString(), requirement));
        }
        Files.writeString(home.resolve(COMPLETE_MARKER), VERSION + "\n");
        return made;
    }

    private static void pip(List<String> log, String python, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python, "-m", "pip", "install", "--disable-pip-version-check", "-q"));
        command.addAll(args);
        Run pip = run(new ProcessBuilder(command), 900);
        if (pip.exit() != 0) {
            throw new IllegalStateException("ParallelCluster's schema is needed to check the exported cluster configuration, and "
                    + String.join(" ", command) + " failed (PyPI must be reachable once):\n" + String.join("\n", log) + pip.stdout() + pip.stderr());
        }
    }

    private static Run run(ProcessBuilder pb, int timeoutSeconds) throws IOException, InterruptedException {
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("python3 is needed for ParallelCluster's schema check: " + e.getMessage(), e);
        }
        p.getOutputStream().close();
        var err = new java.util.concurrent.CompletableFuture<String>();
        Thread reader = new Thread(() -> {
            try {
                err.complete(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.complete("");
            }
        }, "pcluster-stderr");
        reader.setDaemon(true);
        reader.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", pb.command()) + " did not finish in " + timeoutSeconds + " s");
        }
        try {
            return new Run(p.exitValue(), out, err.get(10, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new UncheckedIOException(new IOException("cannot read the output of " + pb.command().get(0), e));
        }
    }
}
