package dev.hangar.cli;

import dev.hangar.aws.AwsSettings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** {@code --region} of the network commands: the regions given, else the journal's regions and the profile's. */
final class NetworkRegions {

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region to look in; repeatable (default: the regions of the journal's launches and the profile's region)")
    List<String> regions = new ArrayList<>();

    /** When none can be found, says so on standard error and ends the command (exit 2). */
    Set<String> resolve(Engine engine, GlobalOptions global, java.io.PrintWriter err) {
        Set<String> where = new LinkedHashSet<>(regions);
        if (where.isEmpty()) {
            engine.journal().list(new ArrayList<>()).forEach(r -> where.add(r.spec().region()));
            AwsSettings.of(global.profile, global.endpointUrl, System.getenv()).defaultRegion().ifPresent(where::add);
        }
        if (where.isEmpty()) {
            err.println("--region: no region to look in: the journal has no launches and the profile names no region");
            throw new ReportedFailure(ExitCode.INVALID);
        }
        return where;
    }
}
