package dev.hangar.cli;

import dev.hangar.journal.LaunchBusyException;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.provision.LaunchOutcome;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "destroy", mixinStandardHelpOptions = true, description = {"Remove everything a launch created.",
        "When it used Hangar's network and nothing else does (no other instance in it, no other launch of this journal),",
        "the network goes too, unless --keep-network."})
final class DestroyCommand extends HangarSubcommand {

    @Mixin LaunchOption launch;

    @Option(names = "--keep-data-volume", description = "Detach the data volume and keep it (it still costs storage)")
    boolean keepDataVolume;

    @Option(names = "--keep-network", description = "Keep Hangar's network in the region even when this launch was the last to use it "
            + "(its NAT gateway or endpoints are charged per hour while it stands; 'hangar network destroy' removes it later)")
    boolean keepNetwork;

    @Mixin YesOption yes;

    @Option(names = "--snapshot", description = "First snapshot the data volume and wait until it completes; the snapshot is kept "
            + "(tagged hangar:snapshot-of, charged until you delete it). If it fails, nothing is destroyed.")
    boolean snapshot;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        try (Engine engine = openEngine()) {
            String launchId = launch.id;
            LaunchRecord record = launch.record(engine.journal(), err);
            String what = (keepDataVolume ? "everything but the data volume" : "everything, data volume included")
                    + (snapshot ? ", after a snapshot of the data volume" : "")
                    + (record.spec().usesHangarNetwork() ? (keepNetwork ? "; Hangar's network stays" : "; and Hangar's network in "
                            + record.spec().region() + " if no other launch or instance uses it") : "");
            yes.confirm("Destroy launch " + launchId + " (" + what + ")?", "Not destroyed", err);
            LaunchOutcome outcome;
            try {
                outcome = snapshot
                        ? engine.instanceActions().destroy(launchId, keepDataVolume, true, keepNetwork, new EventPrinter(out))
                        : engine.launcher().destroy(record, keepDataVolume, keepNetwork, new EventPrinter(out));
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
