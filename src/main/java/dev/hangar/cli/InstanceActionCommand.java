package dev.hangar.cli;

import dev.hangar.journal.LaunchBusyException;
import dev.hangar.monitor.ActionOutcome;
import dev.hangar.monitor.InstanceAction;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;

/** What {@code stop}, {@code start} and {@code reboot} share: the launch, the confirmation, progress lines, exit codes. */
abstract class InstanceActionCommand extends HangarSubcommand {

    @Mixin LaunchOption launch;
    @Mixin YesOption yes;

    private final InstanceAction action;
    /** The question asked before acting, e.g. what stops working; {@code %s} is the launch ID. */
    private final String question;

    InstanceActionCommand(InstanceAction action, String question) {
        this.action = action;
        this.question = question;
    }

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        try (Engine engine = openEngine()) {
            launch.record(engine.journal(), err);
            yes.confirm(String.format(question, launch.id), "Nothing done", err);
            ActionOutcome outcome;
            try {
                outcome = engine.instanceActions().run(action, launch.id, new EventPrinter(out));
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
