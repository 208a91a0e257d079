package dev.hangar.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Opens a terminal for real on Linux: a stand-in xterm first on the PATH the launcher is given records what it was asked to run. */
@EnabledOnOs(OS.LINUX)
class TerminalLauncherTest {

    @TempDir Path bin;

    /** A stand-in terminal that records its argv, one word a line, then runs the command after its option as xterm would. */
    private Path terminal(String name, String body) throws Exception {
        Path script = bin.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void opensTheTerminalOnTheGivenPathWhichRunsTheCommand() throws Exception {
        Path recorded = bin.resolve("argv");
        Path ran = bin.resolve("ran");
        terminal("xterm", "for a in \"$@\"; do printf '%s\\n' \"$a\"; done >'" + recorded + "'\nshift\nexec \"$@\"\n");
        List<String> command = List.of("/bin/sh", "-c", "printf '%s|' \"$@\" >'" + ran + "'", "sh", "two words", "$HOME");

        TerminalChoice.Open open = new TerminalLauncher("Linux", Map.of("PATH", bin.toString())).open(command);

        assertThat(open.terminal()).isEqualTo("xterm");
        assertThat(Files.readAllLines(recorded)).startsWith("-e", "/bin/sh", "-c");
        waitFor(ran);
        assertThat(Files.readString(ran)).isEqualTo("two words|$HOME|");
    }

    @Test
    void aTerminalThatFailsAtOnceIsSaidWithTheCommandToRunByHand() throws Exception {
        terminal("xterm", "echo 'cannot open display' >&2\nexit 3\n");
        TerminalLauncher launcher = new TerminalLauncher("Linux", Map.of("PATH", bin.toString()));

        assertThatThrownBy(() -> launcher.open(List.of("hangar", "connect", "--launch", "l-1")))
                .isInstanceOf(TerminalUnavailableException.class)
                .hasMessageStartingWith("xterm ended at once with status 3.")
                .hasMessageEndingWith("\nhangar connect --launch l-1");
    }

    @Test
    void noTerminalOnThePathIsSaid() {
        TerminalLauncher launcher = new TerminalLauncher("Linux", Map.of("PATH", bin.toString()));

        assertThatThrownBy(() -> launcher.open(List.of("hangar", "connect", "--launch", "l-1")))
                .isInstanceOf(TerminalUnavailableException.class)
                .hasMessageContaining("No terminal program was found")
                .hasMessageEndingWith("\nhangar connect --launch l-1");
    }

    private static void waitFor(Path file) throws InterruptedException {
        for (int i = 0; i < 200 && !Files.exists(file); i++) {
            Thread.sleep(25);
        }
    }
}
