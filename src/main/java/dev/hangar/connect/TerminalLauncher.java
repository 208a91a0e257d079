package dev.hangar.connect;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Opens the system's terminal window running a command (see {@link TerminalCommands} for which terminal, per OS).
 * The OS name and the environment are handed in, not read from this process, so that a test puts a recording
 * stand-in first on the PATH; the terminal starts in that environment too.
 */
public final class TerminalLauncher {

    /** A terminal that fails at once (no display, a bad option) usually does within this; a working one keeps running or hands over. */
    static final Duration FAILS_WITHIN = Duration.ofSeconds(1);

    private final String osName;
    private final Map<String, String> env;
    private final Function<String, Optional<Path>> which;

    public TerminalLauncher(String osName, Map<String, String> env) {
        this.osName = osName;
        this.env = Map.copyOf(env);
        this.which = ExecutableSearch.onPath(this.env, osName);
    }

    /** This machine's OS and this process's environment: what the app uses. */
    public static TerminalLauncher system() {
        return new TerminalLauncher(System.getProperty("os.name", ""), System.getenv());
    }

    /**
     * Starts the terminal and returns once it runs (it is not waited for). Blocks up to a second: call it off the UI thread.
     *
     * @return the terminal chosen and the process started
     * @throws TerminalUnavailableException when none is found, or it could not start or failed at once; the message
     *                                      ends with the command to run by hand
     */
    public TerminalChoice.Open open(List<String> command) throws TerminalUnavailableException, InterruptedException {
        TerminalChoice choice = TerminalCommands.choose(osName, env, which, command);
        if (choice instanceof TerminalChoice.Unavailable none) {
            throw new TerminalUnavailableException(none.message());
        }
        TerminalChoice.Open open = (TerminalChoice.Open) choice;
        ProcessBuilder builder = new ProcessBuilder(open.argv()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw failed(open, "could not be started (" + e.getMessage() + ")", command);
        }
        try {
            process.getOutputStream().close(); // nothing to type into it from here
        } catch (IOException ignored) {
            // it went away already: its exit status says more below
        }
        if (process.waitFor(FAILS_WITHIN.toMillis(), TimeUnit.MILLISECONDS) && process.exitValue() != 0) {
            throw failed(open, "ended at once with status " + process.exitValue(), command);
        }
        return open;
    }

    private TerminalUnavailableException failed(TerminalChoice.Open open, String what, List<String> command) {
        return new TerminalUnavailableException(open.terminal() + " " + what + ". Set " + TerminalCommands.OVERRIDE
                + " to another terminal, or run this in a terminal yourself:\n" + TerminalCommands.byHand(osName, command));
    }
}
