package dev.hangar.cli;

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

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        try (Engine engine = new Engine(root.global, System.getenv())) {
            Optional<LaunchRecord> record = engine.journal().load(launchId);
            if (record.isEmpty()) {
                err.println("--launch: no launch " + launchId + " in the journal at " + engine.journal().directory());
                return ExitCode.INVALID;
            }
            String what = keepDataVolume ? "everything but the data volume" : "everything, data volume included";
            if (!Confirmation.confirmed(yes, "Destroy launch " + launchId + " (" + what + ")?")) {
                err.println("Not destroyed: confirm with --yes (no terminal to ask on).");
                return ExitCode.INVALID;
            }
            LaunchOutcome outcome = engine.launcher().destroy(record.get(), keepDataVolume, new EventPrinter(out));
            out.println(outcome.message());
            out.flush();
            return outcome.state() == dev.hangar.journal.LaunchState.DESTROYED ? ExitCode.OK : ExitCode.FAILED;
        }
    }
}
