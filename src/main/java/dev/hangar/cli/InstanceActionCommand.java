package dev.hangar.cli;

import dev.hangar.journal.JournalCorruptException;
import dev.hangar.journal.LaunchBusyException;
import dev.hangar.monitor.ActionOutcome;
import dev.hangar.monitor.InstanceAction;
import dev.hangar.monitor.InstanceActions;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What {@code stop}, {@code start} and {@code reboot} share: the launch, the confirmation, progress lines, exit codes. */
abstract class InstanceActionCommand implements Callable<Integer> {

    @ParentCommand HangarCommand root;
    @Spec CommandSpec command;

    @Option(names = "--launch", required = true, paramLabel = "ID", description = "Launch ID (see 'status')")
    String launchId;

    @Option(names = "--yes", description = "Do not ask for confirmation")
    boolean yes;

    abstract InstanceAction action();

    /** The question asked before acting, e.g. what stops working. */
    abstract String question();

    /** The engine's instance actions, with the same pacing as its launcher. */
    static InstanceActions actions(Engine engine) {
        return new InstanceActions(engine.aws(), engine.journal(), engine.launcher(), engine.pacing(),
                Clock.systemUTC());
    }

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        try (Engine engine = new Engine(root.global, System.getenv())) {
            try {
                if (engine.journal().load(launchId).isEmpty()) {
                    err.println("--launch: no launch " + launchId + " in the journal at " + engine.journal().directory());
                    return ExitCode.INVALID;
                }
            } catch (JournalCorruptException e) {
                return JournalProblems.reportCorrupt(err, e);
            }
            if (!Confirmation.confirmed(yes, question())) {
                err.println("Nothing done: confirm with --yes (no terminal to ask on).");
                return ExitCode.INVALID;
            }
            ActionOutcome outcome;
            try {
                outcome = actions(engine).run(action(), launchId, new EventPrinter(out));
            } catch (LaunchBusyException e) {
                err.println("error: " + e.getMessage());
                return ExitCode.FAILED;
            }
            // The ✓ or ✗ line the events printed says how it ended; the message is the same text.
            out.flush();
            return outcome.succeeded() ? ExitCode.OK : ExitCode.FAILED;
        }
    }
}
