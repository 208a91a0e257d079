package dev.hangar.cli;

import dev.hangar.journal.JournalCorruptException;
import dev.hangar.journal.LaunchBusyException;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.provision.LaunchOutcome;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "destroy", mixinStandardHelpOptions = true, description = "Remove everything a launch created.")
final class DestroyCommand implements Callable<Integer> {

    @ParentCommand HangarCommand root;
    @Spec CommandSpec command;

    @Option(names = "--launch", required = true, paramLabel = "ID", description = "Launch ID (see 'status')")
    String launchId;

    @Option(names = "--keep-data-volume", description = "Detach the data volume and keep it (it still costs storage)")
    boolean keepDataVolume;

    @Option(names = "--yes", description = "Do not ask for confirmation")
    boolean yes;

    @Option(names = "--snapshot", description = "First snapshot the data volume and wait until it completes; the snapshot is kept "
            + "(tagged hangar:snapshot-of, charged until you delete it). If it fails, nothing is destroyed.")
    boolean snapshot;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        try (Engine engine = new Engine(root.global, System.getenv())) {
            Optional<LaunchRecord> record;
            try {
                record = engine.journal().load(launchId);
            } catch (JournalCorruptException e) {
                return JournalProblems.reportCorrupt(err, e);
            }
            if (record.isEmpty()) {
                err.println("--launch: no launch " + launchId + " in the journal at " + engine.journal().directory());
                return ExitCode.INVALID;
            }
            String what = (keepDataVolume ? "everything but the data volume" : "everything, data volume included")
                    + (snapshot ? ", after a snapshot of the data volume" : "");
            if (!Confirmation.confirmed(yes, "Destroy launch " + launchId + " (" + what + ")?")) {
                err.println("Not destroyed: confirm with --yes (no terminal to ask on).");
                return ExitCode.INVALID;
            }
            LaunchOutcome outcome;
            try {
                outcome = snapshot
                        ? InstanceActionCommand.actions(engine).destroy(launchId, keepDataVolume, true, new EventPrinter(out))
                        : engine.launcher().destroy(record.get(), keepDataVolume, new EventPrinter(out));
            } catch (LaunchBusyException e) {
                err.println("error: " + e.getMessage());
                return ExitCode.FAILED;
            }
            out.println(outcome.message());
            out.flush();
            return outcome.state() == dev.hangar.journal.LaunchState.DESTROYED ? ExitCode.OK : ExitCode.FAILED;
        }
    }
}
