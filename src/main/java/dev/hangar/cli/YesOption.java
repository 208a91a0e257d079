package dev.hangar.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --yes}: a command asks before it spends or destroys; without a terminal, only {@code --yes} confirms. */
final class YesOption {

    @Option(names = "--yes", description = "Do not ask for confirmation")
    boolean yes;

    /**
     * Asks {@code question} on the terminal unless {@code --yes}; when not confirmed, says
     * "{@code notDone}: confirm with --yes" on {@code err} and ends the command (exit 2).
     */
    void confirm(String question, String notDone, PrintWriter err) {
        if (!confirmed(question)) {
            err.println(notDone + ": confirm with --yes (no terminal to ask on).");
            throw new ReportedFailure(ExitCode.INVALID);
        }
    }

    private boolean confirmed(String question) {
        if (yes) {
            return true;
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        String answer = console.readLine("%s [y/N] ", question);
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
    }
}
