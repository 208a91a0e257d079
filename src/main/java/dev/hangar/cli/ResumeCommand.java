package dev.hangar.cli;

import dev.hangar.journal.LaunchBusyException;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.LaunchState;
import dev.hangar.provision.Launch;
import dev.hangar.provision.Launcher;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Finish a launch that was interrupted (the process was killed, the machine went down) from its journal.",
                "Steps already done are not repeated; on any failure everything is removed again, as with 'launch'."})
final class ResumeCommand extends HangarSubcommand {

    @Mixin LaunchOption launch;
    @Mixin YesOption yes;
    @Mixin JsonResultOption json;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = out();
        PrintWriter err = err();
        try (Engine engine = openEngine()) {
            String launchId = launch.id;
            LaunchRecord record = launch.record(engine.journal(), err);
            if (record.state() != LaunchState.LAUNCHING) {
                (record.state() == LaunchState.SUCCEEDED ? out : err).println(Launcher.notResumable(record) + ".");
                return record.state() == LaunchState.SUCCEEDED ? ExitCode.OK : ExitCode.INVALID;
            }
            var spec = record.spec();
            yes.confirm("Resume launch " + launchId + " (" + spec.instanceType() + " in " + spec.region()
                    + ")? It costs money while it runs.", "Not resumed", err);
            PrintWriter progress = json.progress(out, err);
            try {
                Launch resumed = engine.launcher().resume(launchId, new EventPrinter(progress));
                progress.println("Resuming launch " + launchId + ": " + resumed.alreadyDone().size() + " of " + resumed.plan().steps().size()
                        + " steps were done before, journal in " + engine.journal().fileOf(launchId));
                return LaunchRunner.run(resumed, out, json.json);
            } catch (LaunchBusyException | IllegalStateException e) {
                err.println("error: " + e.getMessage());
                return ExitCode.FAILED;
            }
        }
    }
}
