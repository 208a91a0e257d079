package dev.hangar.cli;

import dev.hangar.blueprint.AwsErrors;
import dev.hangar.provision.NetworkInventory;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show Hangar's network in each region: its parts, the modes it serves, what uses it, and what it costs per hour while it stands.")
final class NetworkStatusCommand extends HangarSubcommand {

    @Mixin NetworkRegions regions;

    @Option(names = "--json", description = "Print as JSON")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        try (Engine engine = openEngine()) {
            Set<String> where = regions.resolve(engine, global(), err);
            List<NetworkInventory> networks = new ArrayList<>();
            for (String region : where) {
                try {
                    networks.add(NetworkInventory.find(engine.aws(), engine.journal(), region));
                } catch (SdkException e) {
                    err.println("error: could not read Hangar's network in " + region + ": " + AwsErrors.brief(e));
                    return ExitCode.FAILED;
                }
            }
            List<NetworkInventory> standing = networks.stream().filter(n -> !n.isEmpty()).toList();
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("regions", List.copyOf(where));
                result.put("networks", standing.stream().map(NetworkListing::json).toList());
                out.println(Json.write(result));
            } else {
                for (NetworkInventory n : networks) {
                    if (n.isEmpty()) {
                        out.println("No Hangar network in " + n.region() + ".");
                    } else {
                        NetworkListing.print(out, n);
                    }
                }
            }
            out.flush();
            return ExitCode.OK;
        }
    }
}
