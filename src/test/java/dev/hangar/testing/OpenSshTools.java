package dev.hangar.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real OpenSSH client tools, which judge what Hangar writes for them: {@code ssh-keygen} reads a private key
 * file, {@code ssh -G} shows how ssh reads a config file. A machine of this project's kind has them; where they are
 * missing the test fails and says so, for a test that skipped would prove nothing.
 */
public final class OpenSshTools {

    private OpenSshTools() {
    }

    public static Path sshKeygen() {
        return tool("ssh-keygen");
    }

    public static Path ssh() {
        return tool("ssh");
    }

    /** {@code ssh-keygen -y -f key}: the public key line OpenSSH derives from a private key file. */
    public static String publicKeyOf(Path privateKey) throws IOException, InterruptedException {
        Result r = run(List.of(sshKeygen().toString(), "-y", "-f", privateKey.toString()));
        if (r.exitCode != 0) {
            throw new AssertionError("ssh-keygen could not read " + privateKey + ": " + r.output);
        }
        return r.output.strip();
    }

    /** Runs a command to its end (at most 60 s), its standard error merged into its output. */
    public static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not end within 60 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    public record Result(int exitCode, String output) {
    }

    private static Path tool(String name) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError(name + " (OpenSSH client) is not installed, and this test needs the real one to judge Hangar's output: "
                + "apt-get install openssh-client");
    }
}
