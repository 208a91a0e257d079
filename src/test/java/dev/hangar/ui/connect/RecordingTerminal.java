package dev.hangar.ui.connect;

import dev.hangar.auth.Sleeper;
import dev.hangar.connect.SelfCommand;
import dev.hangar.connect.SshConfigWriter;
import dev.hangar.connect.TerminalLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A stand-in {@code xterm}, alone on the PATH the terminal launcher is given, that records the words it was started
 * with (one a line; written whole, then renamed, so a reader never sees half) and runs nothing; with it, connect services that
 * check Session Manager every 100 ms and write SSH config to a folder of the test's.
 */
public final class RecordingTerminal {

    /** Fast enough for a test, slow enough not to flood the endpoint. */
    public static final PollSchedule FAST = new PollSchedule(Duration.ofMillis(100), Duration.ofHours(1), Duration.ofMillis(100),
            Duration.ofMinutes(5));

    private final Path recorded;
    private final ConnectServices services;
    private final Path sshDirectory;

    public RecordingTerminal(Path dir) {
        Path bin = dir.resolve("bin");
        recorded = dir.resolve("terminal-argv");
        try {
            Files.createDirectories(bin);
            Path xterm = bin.resolve("xterm");
            Files.writeString(xterm, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done >'" + recorded + ".tmp'\n/bin/mv '" + recorded
                    + ".tmp' '" + recorded + "'\n");
            Files.setPosixFilePermissions(xterm, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sshDirectory = dir.resolve("user-ssh");
        services = new ConnectServices(new TerminalLauncher("Linux", Map.of("PATH", bin.toString())), SelfCommand::current, FAST,
                Sleeper.real(), new SshConfigWriter(sshDirectory));
    }

    public ConnectServices services() {
        return services;
    }

    /** Stands in for the user's ~/.ssh: "Add to SSH config" writes here, never to the real one. */
    public Path sshDirectory() {
        return sshDirectory;
    }

    public boolean opened() {
        return Files.exists(recorded);
    }

    /** The words the terminal was started with, after its own name. */
    public List<String> argv() {
        try {
            return Files.readAllLines(recorded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
