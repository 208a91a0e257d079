package dev.hangar.cli;

import dev.hangar.journal.JournalCorruptException;
import dev.hangar.journal.JournalTooNewException;
import java.io.PrintWriter;

/** How the commands report a journal file they cannot trust: what, where, that nothing was done, and what to do. */
final class JournalProblems {

    private JournalProblems() {
    }

    /** @return the exit code for it (1) */
    static int reportCorrupt(PrintWriter err, JournalCorruptException e) {
        err.println("error: " + e.getMessage() + ".");
        if (e instanceof JournalTooNewException) {
            err.println("  Nothing was changed in AWS. Use the newer Hangar that wrote it (or upgrade this one) for this launch.");
        } else {
            err.println("  Nothing was changed in AWS. Restore the file from a backup, or move it out of " + e.file().getParent()
                    + "; then 'hangar sweep' lists what a launch without a journal left behind.");
        }
        err.flush();
        return ExitCode.FAILED;
    }

    static String launchIdOf(JournalCorruptException e) {
        return e.file().getFileName().toString().replaceFirst("\\.json$", "");
    }
}
