package dev.hangar.cli;

import dev.hangar.journal.JournalCorruptException;
import dev.hangar.journal.LaunchBusyException;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.LaunchState;
import dev.hangar.provision.Launch;
import dev.hangar.provision.Launcher;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Finish a launch that was interrupted (the process was killed, the machine went down) from its journal.",
                "Steps already done are not repeated; on any failure everything is removed again, as with 'launch'."})
final class ResumeCommand implements Callable<Integer> {

    @ParentCommand HangarCommand root;
    @Spec CommandSpec command;

    @Option(names = "--launch", required = true, paramLabel = "ID", description = "Launch ID (see 'status')")
    String launchId;

    @Option(names = "--yes", description = "Do not ask for confirmation")
    boolean yes;

    @Option(names = "--json", description = "Print the result as JSON on standard output (progress goes to standard error)")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
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
            if (record.get().state() != LaunchState.LAUNCHING) {
                (record.get().state() == LaunchState.SUCCEEDED ? out : err).println(Launcher.notResumable(record.get()) + ".");
                return record.get().state() == LaunchState.SUCCEEDED ? ExitCode.OK : ExitCode.INVALID;
            }
            var spec = record.get().spec();
            if (!Confirmation.confirmed(yes, "Resume launch " + launchId + " (" + spec.instanceType() + " in " + spec.region()
                    + ")? It costs money while it runs.")) {
                err.println("Not resumed: confirm with --yes (no terminal to ask on).");
                return ExitCode.INVALID;
            }
            PrintWriter progress = json ? err : out;
            try {
                Launch launch = engine.launcher().resume(launchId, new EventPrinter(progress));
                progress.println("Resuming launch " + launchId + ": " + launch.alreadyDone().size() + " of " + launch.plan().steps().size()
                        + " steps were done before, journal in " + engine.journal().fileOf(launchId));
                return LaunchRunner.run(launch, out, json);
            } catch (LaunchBusyException | IllegalStateException e) {
                err.println("error: " + e.getMessage());
                return ExitCode.FAILED;
            }
        }
    }
}
