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

    /** The launch of a command on one machine: a cluster's launch is refused, as pcluster manages its nodes. */
    LaunchRecord record(JournalStore journal, PrintWriter err) {
        LaunchRecord record = record(journal, id, err);
        if (dev.hangar.journal.ClusterRecords.isCluster(record)) {
            err.println("--launch: launch " + id + " is the ParallelCluster cluster " + record.output(dev.hangar.journal.ClusterRecords.CLUSTER_NAME)
                    + ", whose nodes ParallelCluster manages: remove it with 'hangar cluster delete --launch " + id + "'");
            throw new ReportedFailure(ExitCode.INVALID);
        }
        return record;
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
