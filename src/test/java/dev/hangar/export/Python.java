package dev.hangar.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the machine's python3 on an exported program. */
final class Python {

    private Python() {
    }

    /** Fails with python's message unless {@code source} compiles. */
    static void compile(String source) throws Exception {
        Path dir = Files.createTempDirectory("hangar-pulumi");
        Path program = Files.writeString(dir.resolve("__main__.py"), source, StandardCharsets.UTF_8);
        Result r = run(List.of("python3", "-m", "py_compile", program.toString()), null);
        assertThat(r.exit()).as("py_compile: " + r.stderr()).isZero();
    }

    /** Runs the program against the stand-in pulumi SDK; what it declared, as JSON. */
    static JsonNode declared(String source) throws Exception {
        Path dir = Files.createTempDirectory("hangar-pulumi");
        Path program = Files.writeString(dir.resolve("__main__.py"), source, StandardCharsets.UTF_8);
        Path stubs = stubs();
        Result r = run(List.of("python3", stubs.resolve("run_program.py").toString(), program.toString()), stubs);
        assertThat(r.exit()).as("running the program: " + r.stderr()).isZero();
        return new ObjectMapper().readTree(r.stdout());
    }

    private static Path stubs() throws URISyntaxException {
        return Path.of(Python.class.getResource("pulumi_stubs").toURI());
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result run(List<String> command, Path pythonPath) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        if (pythonPath != null) {
            pb.environment().put("PYTHONPATH", pythonPath.toString());
        }
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python3 did not finish: " + command);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
