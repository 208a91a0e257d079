package dev.hangar.cli;

import dev.hangar.aws.AwsSettings;
import dev.hangar.blueprint.AwsErrors;
import dev.hangar.provision.LaunchEvent;
import dev.hangar.provision.Sweeper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"List resources tagged hangar:launch-id whose launch is not in this journal, or was rolled back or destroyed;",
                "with --delete, remove them. Launches that are running or in progress are never touched, nor a data volume kept on purpose.",
                "A launch made from another machine or another --home is not in this journal: check the list before --delete."})
final class SweepCommand implements Callable<Integer> {

    @ParentCommand HangarCommand root;
    @Spec CommandSpec command;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region to search; repeatable (default: the regions of the journal's launches and the profile's region). IAM is global.")
    List<String> regions = new ArrayList<>();

    @Option(names = "--delete", description = "Remove what is found (instances first, then volumes, key pairs, security groups, instance profiles, roles)")
    boolean delete;

    @Option(names = "--json", description = "Print as JSON (removal progress goes to standard error)")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        try (Engine engine = new Engine(root.global, System.getenv())) {
            Sweeper sweeper = new Sweeper(engine.aws(), engine.journal(), engine.pacing());
            Set<String> where = new LinkedHashSet<>(regions);
            if (where.isEmpty()) {
                where.addAll(sweeper.journalRegions());
                AwsSettings.of(root.global.profile, root.global.endpointUrl, System.getenv()).defaultRegion().ifPresent(where::add);
            }
            if (where.isEmpty()) {
                err.println("--region: no region to search: the journal has no launches and the profile names no region");
                return ExitCode.INVALID;
            }
            Sweeper.Findings findings;
            try {
                findings = sweeper.find(where);
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
                if (!json) {
                    printTable(out, findings.found());
                }
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
                if (!delete) {
                    printTable(out, findings.found());
                }
                out.println(summary(where, findings.found(), failures));
            }
            out.flush();
            return failures.isEmpty() ? ExitCode.OK : ExitCode.FAILED;
        }
    }

    private String summary(Set<String> where, List<Sweeper.Found> found, List<String> failures) {
        long launches = found.stream().map(Sweeper.Found::launchId).distinct().count();
        String searched = "Searched " + String.join(", ", where) + " and IAM (global)";
        if (found.isEmpty()) {
            return searched + ": nothing left behind.";
        }
        String what = found.size() + " resource" + (found.size() == 1 ? "" : "s") + " of " + launches + " launch" + (launches == 1 ? "" : "es");
        if (!delete) {
            return searched + ": " + what + " left behind. Run 'hangar sweep --delete' to remove them.";
        }
        return failures.isEmpty() ? searched + ": removed " + what + "."
                : searched + ": could not remove " + failures.size() + " of " + found.size() + ": " + String.join("; ", failures) + ". Run sweep again to retry.";
    }

    private static void printTable(PrintWriter out, List<Sweeper.Found> found) {
        if (found.isEmpty()) {
            return;
        }
        String format = "%-10s %-17s %-28s %-24s %s%n";
        out.printf(format, "REGION", "KIND", "ID", "LAUNCH", "WHY");
        for (Sweeper.Found f : found) {
            out.printf(format, f.region(), f.kind(), f.id(), f.launchId(), f.why() + (f.detail().isEmpty() ? "" : " (" + f.detail() + ")"));
        }
    }

    private Map<String, Object> result(Set<String> where, Sweeper.Findings findings, List<String> failures) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("regions", List.copyOf(where));
        r.put("deleted", delete);
        r.put("resources", findings.found().stream().map(f -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("region", f.region());
            row.put("kind", f.kind());
            row.put("id", f.id());
            row.put("launchId", f.launchId());
            row.put("why", f.why());
            row.put("detail", f.detail());
            return row;
        }).toList());
        r.put("failures", failures);
        r.put("warnings", findings.warnings());
        return r;
    }
}
