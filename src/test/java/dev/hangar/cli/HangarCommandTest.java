package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.blueprint.Version;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HangarCommandTest {

    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine cli = HangarCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        return cli.execute(args);
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("Hangar " + Version.current());
        assertThat(Version.current()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void helpDescribesTheTool() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: hangar").contains("wizard");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("--no-such-option")).isEqualTo(2);
        assertThat(out.toString()).contains("--no-such-option");
    }
}
