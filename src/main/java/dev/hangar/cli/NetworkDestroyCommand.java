package dev.hangar.cli;

import dev.hangar.blueprint.AwsErrors;
import dev.hangar.provision.NetworkInventory;
import dev.hangar.provision.NetworkRemoval;
import dev.hangar.provision.Waits;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import software.amazon.awssdk.core.exception.SdkException;

@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = {"Remove Hangar's network in a region: endpoints, NAT gateway, then its Elastic IP, route tables, subnets,",
                "internet gateway, the endpoints' security group and the VPC. Refused while any instance that is not terminated",
                "is inside it, or a launch is being launched into it. Launches made later create it again."})
final class NetworkDestroyCommand extends HangarSubcommand {

    @Mixin NetworkRegions regions;

    @Mixin YesOption yes;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        try (Engine engine = openEngine()) {
            Set<String> where = regions.resolve(engine, global(), err);
            int exit = ExitCode.OK;
            boolean any = false;
            for (String region : where) {
                NetworkInventory network;
                try {
                    network = NetworkInventory.find(engine.aws(), engine.journal(), region);
                } catch (SdkException e) {
                    err.println("error: could not read Hangar's network in " + region + ": " + AwsErrors.brief(e));
                    exit = ExitCode.FAILED;
                    continue;
                }
                if (network.isEmpty()) {
                    continue;
                }
                any = true;
                exit = Math.max(exit, destroy(engine, network, out, err));
            }
            if (!any && exit == ExitCode.OK) {
                out.println("No Hangar network in " + String.join(", ", where) + ": nothing to remove.");
            }
            out.flush();
            return exit;
        }
    }

    private int destroy(Engine engine, NetworkInventory network, PrintWriter out, PrintWriter err) {
        String region = network.region();
        NetworkListing.print(out, network);
        out.flush();
        if (network.whyNotRemovable().isPresent()) {
            err.println("error: Hangar's network in " + region + " is in use and stays: " + network.whyNotRemovable().get()
                    + ". Destroy those launches (or terminate those instances) first.");
            return ExitCode.FAILED;
        }
        String recorded = network.whyInUse(null).map(why -> " Note: " + why + ".").orElse("");
        yes.confirm("Remove Hangar's network in " + region + " (" + network.parts().size() + " parts)?" + recorded, "Not removed", err);
        // Read again: a launch may have put an instance there while the question was open (that still keeps it).
        NetworkRemoval.Outcome done = new NetworkRemoval(engine.aws(), engine.journal(), new Waits(engine.pacing(), new AtomicBoolean()))
                .removeUnless(region, asked -> Optional.empty(), new EventPrinter(out));
        if (done.keptBecause().isPresent()) {
            err.println("error: Hangar's network in " + region + " is in use and stays: " + done.keptBecause().get());
            return ExitCode.FAILED;
        }
        List<String> failures = done.failures();
        if (failures.isEmpty()) {
            out.println("Removed Hangar's network in " + region + ".");
            return ExitCode.OK;
        }
        out.println("Could not remove all of Hangar's network in " + region + ": " + String.join("; ", failures)
                + ". Run 'hangar network destroy --region " + region + "' again to retry.");
        return ExitCode.FAILED;
    }
}
