package dev.hangar.cli;

import dev.hangar.journal.JournalCorruptException;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchRecord;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --launch ID} of the commands that act on one launch of the journal. */
final class LaunchOption {

    @Option(names = "--launch", required = true, paramLabel = "ID", description = "Launch ID (see 'status')")
    String id;

    LaunchRecord record(JournalStore journal, PrintWriter err) {
        return record(journal, id, err);
    }

    /** The launch's journal; when there is none or it cannot be trusted, says so on {@code err} and ends the command. */
    static LaunchRecord record(JournalStore journal, String launchId, PrintWriter err) {
        Optional<LaunchRecord> record;
        try {
            record = journal.load(launchId);
        } catch (JournalCorruptException e) {
            throw new ReportedFailure(JournalProblems.reportCorrupt(err, e));
        }
        if (record.isEmpty()) {
            err.println("--launch: no launch " + launchId + " in the journal at " + journal.directory());
            throw new ReportedFailure(ExitCode.INVALID);
        }
        return record.get();
    }
}
