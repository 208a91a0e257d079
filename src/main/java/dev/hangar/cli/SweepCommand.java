package dev.hangar.cli;

import dev.hangar.aws.AwsSettings;
import dev.hangar.blueprint.AwsErrors;
import dev.hangar.provision.LaunchEvent;
import dev.hangar.provision.Sweeper;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"List resources tagged hangar:launch-id whose launch is not in this journal, or was rolled back or destroyed;",
                "with --delete (after confirmation), remove them. Launches this journal shows running or in progress are never touched,",
                "nor a data volume kept on purpose. A launch made from another machine or another --home is not in this journal, so by",
                "default sweep also leaves alone every live instance, attached volume and the rest of their launch (--include-live),",
                "and whatever the caller did not create (tag hangar:created-by; --any-creator).",
                "Hangar's network in a region (kind 'network') is a leftover when no launch of this journal uses it; it is never",
                "removed while an instance is inside that this sweep does not remove."})
final class SweepCommand extends HangarSubcommand {

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region to search; repeatable (default: the regions of the journal's launches and the profile's region). IAM is global.")
    List<String> regions = new ArrayList<>();

    @Option(names = "--delete", description = "Remove what is found (instances first, then volumes, key pairs, security groups, instance profiles, roles, "
            + "and last Hangar's network)")
    boolean delete;

    @Option(names = "--include-live", description = "Also instances that are not terminated, attached volumes, and the rest of their launch")
    boolean includeLive;

    @Option(names = "--any-creator", description = "Also what someone else created (or whose creator is unknown), not only the caller's own")
    boolean anyCreator;

    @Mixin YesOption yes;

    @Option(names = "--json", description = "Print as JSON (removal progress goes to standard error)")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        try (Engine engine = openEngine()) {
            Sweeper sweeper = new Sweeper(engine.aws(), engine.journal(), engine.pacing());
            Set<String> where = new LinkedHashSet<>(regions);
            if (where.isEmpty()) {
                where.addAll(sweeper.journalRegions());
                AwsSettings.of(global().profile, global().endpointUrl, System.getenv()).defaultRegion().ifPresent(where::add);
            }
            if (where.isEmpty()) {
                err.println("--region: no region to search: the journal has no launches and the profile names no region");
                return ExitCode.INVALID;
            }
            Sweeper.Findings findings;
            try {
                findings = sweeper.find(where, new Sweeper.Scope(includeLive, anyCreator));
            } catch (SdkException e) {
                // AWS's own text, redacted: a signature error quotes the signed request, session token included.
                err.println("error: could not search for leftovers: " + AwsErrors.brief(e));
                return ExitCode.FAILED;
            }
            findings.warnings().forEach(w -> err.println("warning: " + w));
            List<String> failures = List.of();
            if (delete && !findings.found().isEmpty()) {
                PrintWriter progress = json ? err : out;
                EventPrinter printer = new EventPrinter(progress);
                printTable(progress, findings);
                progress.flush();
                yes.confirm("Remove the " + count(findings.found()) + " not marked 'left alone' above?", "Nothing removed", err);
                progress.println("Removing " + findings.found().size() + " resources …");
                failures = sweeper.delete(findings.found(), e -> {
                    if (e instanceof LaunchEvent.ResourceRemoved || e instanceof LaunchEvent.ResourceRemovalFailed) {
                        printer.on(e);
                    }
                });
            }
            if (json) {
                out.println(Json.write(result(where, findings, failures)));
            } else {
                if (!delete || findings.found().isEmpty()) {
                    printTable(out, findings);
                }
                out.println(summary(where, findings, failures));
            }
            out.flush();
            return failures.isEmpty() ? ExitCode.OK : ExitCode.FAILED;
        }
    }

    private String summary(Set<String> where, Sweeper.Findings findings, List<String> failures) {
        List<Sweeper.Found> found = findings.found();
        String searched = "Searched " + String.join(", ", where) + " and IAM (global)";
        String spared = findings.leftAlone().isEmpty() ? ""
                : " " + findings.leftAlone().size() + (found.isEmpty() ? "" : " more") + " left alone (see why above; sweep removes only"
                        + " the caller's own leftovers that are not live unless --include-live / --any-creator).";
        if (found.isEmpty()) {
            return searched + (findings.leftAlone().isEmpty() ? ": nothing left behind." : ": nothing to remove." + spared);
        }
        String what = count(found);
        if (!delete) {
            return searched + ": " + what + " left behind. Run 'hangar sweep --delete' to remove them." + spared;
        }
        return failures.isEmpty() ? searched + ": removed " + what + "." + spared
                : searched + ": could not remove " + failures.size() + " of " + found.size() + ": " + String.join("; ", failures) + ". Run sweep again to retry.";
    }

    /** e.g. "10 resources of 2 launches", "Hangar's network in us-east-1", or both joined by "and". */
    private static String count(List<Sweeper.Found> found) {
        List<Sweeper.Found> ofLaunches = found.stream().filter(f -> f.launchId() != null).toList();
        List<String> networks = found.stream().filter(f -> f.launchId() == null).map(Sweeper.Found::region).toList();
        List<String> what = new ArrayList<>();
        if (!ofLaunches.isEmpty()) {
            long launches = ofLaunches.stream().map(Sweeper.Found::launchId).distinct().count();
            what.add(ofLaunches.size() + " resource" + (ofLaunches.size() == 1 ? "" : "s") + " of " + launches + " launch" + (launches == 1 ? "" : "es"));
        }
        if (!networks.isEmpty()) {
            what.add("Hangar's network in " + String.join(", ", networks));
        }
        return String.join(" and ", what);
    }

    /** What may go first, then what is left alone and why; with each resource's creator and age. */
    private static void printTable(PrintWriter out, Sweeper.Findings findings) {
        if (findings.found().isEmpty() && findings.leftAlone().isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        String format = "%-10s %-17s %-28s %-24s %-40s %-6s %s%n";
        out.printf(format, "REGION", "KIND", "ID", "LAUNCH", "CREATOR", "AGE", "WHY");
        for (Sweeper.Found f : findings.found()) {
            out.printf(format, f.region(), f.kind(), f.id(), launch(f), creator(f), Age.between(f.createdAt(), now),
                    f.why() + (f.detail().isEmpty() ? "" : " (" + f.detail() + ")"));
        }
        for (Sweeper.LeftAlone l : findings.leftAlone()) {
            Sweeper.Found f = l.found();
            out.printf(format, f.region(), f.kind(), f.id(), launch(f), creator(f), Age.between(f.createdAt(), now), "left alone: " + l.reason());
        }
    }

    /** The shared network belongs to no launch. */
    private static String launch(Sweeper.Found f) {
        return f.launchId() == null ? "-" : f.launchId();
    }

    private static String creator(Sweeper.Found f) {
        return f.createdBy() == null ? Age.UNKNOWN : f.createdBy();
    }

    private Map<String, Object> result(Set<String> where, Sweeper.Findings findings, List<String> failures) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("regions", List.copyOf(where));
        r.put("caller", findings.caller());
        r.put("includeLive", includeLive);
        r.put("anyCreator", anyCreator);
        r.put("deleted", delete);
        r.put("resources", findings.found().stream().map(SweepCommand::row).toList());
        r.put("leftAlone", findings.leftAlone().stream().map(l -> {
            Map<String, Object> row = row(l.found());
            row.put("reason", l.reason());
            return row;
        }).toList());
        r.put("failures", failures);
        r.put("warnings", findings.warnings());
        return r;
    }

    private static Map<String, Object> row(Sweeper.Found f) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("region", f.region());
        row.put("kind", f.kind());
        row.put("id", f.id());
        row.put("launchId", f.launchId());
        row.put("why", f.why());
        row.put("detail", f.detail());
        row.put("createdBy", f.createdBy());
        row.put("createdAt", f.createdAt() == null ? null : f.createdAt().toString());
        return row;
    }
}
