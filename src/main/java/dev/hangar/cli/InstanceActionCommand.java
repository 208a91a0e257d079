package dev.hangar.cli;

import dev.hangar.journal.LaunchBusyException;
import dev.hangar.monitor.ActionOutcome;
import dev.hangar.monitor.InstanceAction;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What {@code stop}, {@code start} and {@code reboot} share: the launch, the confirmation, progress lines, exit codes. */
abstract class InstanceActionCommand implements Callable<Integer> {

    @ParentCommand HangarCommand root;
    @Spec CommandSpec command;

    @Mixin LaunchOption launch;
    @Mixin YesOption yes;

    abstract InstanceAction action();

    /** The question asked before acting, e.g. what stops working. */
    abstract String question();

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        try (Engine engine = new Engine(root.global, System.getenv())) {
            launch.record(engine.journal(), err);
            yes.confirm(question(), "Nothing done", err);
            ActionOutcome outcome;
            try {
                outcome = engine.instanceActions().run(action(), launch.id, new EventPrinter(out));
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
