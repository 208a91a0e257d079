package dev.hangar.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Finds a python3 that can run moto's server. The machine's own python3 is used when it imports
 * {@code moto.server}; otherwise the pinned moto is installed once with pip into
 * {@code ~/.cache/hangar/moto-<version>} and put on PYTHONPATH.
 *
 * @param python      the interpreter command
 * @param pythonPath  a directory to put on PYTHONPATH, if moto lives in our cache
 * @param version     moto's version as it reports it
 * @param description where moto came from, for the log line
 */
record MotoPython(String python, Optional<Path> pythonPath, String version, String description) {

    static final String VERSION_PROPERTY = "hangar.moto.version";
    static final String DEFAULT_VERSION = "5.2.1";
    private static final String PROBE = "import moto, moto.server; print(moto.__version__)";
    private static final String COMPLETE_MARKER = ".hangar-install-complete";

    static MotoPython locate() {
        String python = System.getProperty("hangar.moto.python", "python3");
        String pinned = System.getProperty(VERSION_PROPERTY, DEFAULT_VERSION);
        Result own = run(List.of(python, "-c", PROBE), Map.of(), 120, python, pinned);
        if (own.exit() == 0) {
            return new MotoPython(python, Optional.empty(), own.lastLine(), "the machine's " + python);
        }
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "hangar", "moto-" + pinned);
        if (!Files.exists(cache.resolve(COMPLETE_MARKER))) {
            install(python, pinned, cache);
        }
        Map<String, String> env = Map.of("PYTHONPATH", cache.toString());
        Result cached = run(List.of(python, "-c", PROBE), env, 120, python, pinned);
        if (cached.exit() != 0) {
            throw new IllegalStateException("moto " + pinned + " installed in " + cache
                    + " does not import (delete that directory to reinstall):\n" + cached.output());
        }
        return new MotoPython(python, Optional.of(cache), cached.lastLine(), python + " with " + cache);
    }

    private static void install(String python, String version, Path target) {
        System.err.println("[moto] " + python + " has no moto; installing moto[server]==" + version + " into " + target);
        Result pip = run(List.of(python, "-m", "pip", "install", "--disable-pip-version-check", "-q",
                "--target", target.toString(), "moto[server]==" + version), Map.of(), 900, python, version);
        if (pip.exit() != 0) {
            throw new IllegalStateException("could not install moto[server]==" + version + " with pip into " + target
                    + " (the moto-backed tests need it once; install it by hand with: " + python
                    + " -m pip install 'moto[server]==" + version + "'):\n" + pip.output());
        }
        try {
            Files.writeString(target.resolve(COMPLETE_MARKER), version + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Result(int exit, String output) {
        String lastLine() {
            String[] lines = output.strip().split("\n");
            return lines[lines.length - 1].strip();
        }
    }

    private static Result run(List<String> command, Map<String, String> env, int timeoutSeconds, String python,
            String version) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("python3 is required for the moto-backed tests: install python3 (3.9 or newer)"
                    + " and put it on the PATH as '" + python + "' (or set -Dhangar.moto.python=/path/to/python3);"
                    + " moto " + version + " is then used from it, or installed once with pip into"
                    + " ~/.cache/hangar/moto-" + version + ". Starting '" + python + "' failed: " + e.getMessage(), e);
        }
        try {
            p.getOutputStream().close();
            AtomicReference<String> out = new AtomicReference<>("");
            Thread reader = new Thread(() -> out.set(readAll(p)), "moto-probe-output");
            reader.setDaemon(true);
            reader.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + "s");
            }
            reader.join(5_000);
            return new Result(p.exitValue(), out.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static String readAll(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
