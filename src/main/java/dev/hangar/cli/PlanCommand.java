package dev.hangar.cli;

import dev.hangar.checklist.Finding;
import dev.hangar.checklist.Status;
import dev.hangar.preflight.PreflightCheck;
import dev.hangar.provision.Step;
import dev.hangar.review.ClusterReview;
import dev.hangar.review.LaunchReview;
import dev.hangar.review.ParallelClusterSettings;
import dev.hangar.spec.LaunchSpec;
import java.io.PrintWriter;
import dev.hangar.blueprint.IamPolicies;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Review a launch: security checklist, preflight in your account, IAM policy, steps and cost. Changes nothing.",
                "Exit 0 launchable (or plan-only without credentials), 3 the checklist has a FAIL, 1 preflight fails, 2 invalid spec."})
final class PlanCommand extends HangarSubcommand {

    @Mixin SpecOption specFile;

    @Option(names = "--json", description = "Print the review as JSON")
    boolean json;

    @Override
    public Integer call() {
        LaunchSpec spec = specFile.read();
        dev.hangar.provision.Launcher.plan(spec); // an invalid spec stops here, before any AWS call
        try (Engine engine = openEngine()) {
            LaunchReview review = engine.reviewer().review(spec);
            PrintWriter out = out();
            if (json) {
                out.println(Json.write(ReviewJson.of(review)));
            } else {
                printText(out, review);
            }
            out.flush();
            if (review.checklist().hasFail()) {
                return ExitCode.CHECKLIST_FAIL;
            }
            return review.preflight().map(p -> p.passed() ? ExitCode.OK : ExitCode.FAILED).orElse(ExitCode.OK);
        }
    }

    private static void printSteps(PrintWriter out, List<Step> steps, int criticalPath) {
        out.println("Steps (" + steps.size() + ", at most " + criticalPath + " one after another):");
        for (int i = 0; i < steps.size(); i++) {
            out.printf("  %2d. %s%n", i + 1, steps.get(i).title());
        }
    }

    private static void printText(PrintWriter out, LaunchReview r) {
        LaunchSpec spec = r.spec();
        out.println("Plan for " + spec.name() + ": " + spec.instanceType() + " in " + spec.region()
                + (r.preflight().isEmpty() ? "   [plan-only: no AWS credentials, nothing checked in an account]" : ""));
        out.println();
        out.println("What you are launching:");
        r.cluster().ifPresent(c -> out.println("  Cluster: " + c.headline()));
        // A cluster's cost is the head node plus its nodes, printed below; the summary's one-machine cost would mislead.
        r.summary().lines().stream().filter(l -> r.cluster().isEmpty() || !l.startsWith("Cost ")).forEach(l -> out.println("  " + l));
        out.println();
        var counts = r.checklist().counts();
        out.printf("Security checklist%s: %d pass, %d warn, %d fail%n", r.cluster().isPresent() ? " for the head and compute nodes" : "",
                counts.getOrDefault(Status.PASS, 0L), counts.getOrDefault(Status.WARN, 0L), counts.getOrDefault(Status.FAIL, 0L));
        for (Finding f : r.checklist().findings()) {
            out.printf("  %-4s  %-64s %s%n", f.status(), f.title(), String.join(", ", f.controls()));
            r.cluster().flatMap(c -> ParallelClusterSettings.of(f.ruleId()))
                    .ifPresent(m -> out.println("        ParallelCluster (" + m.nodes() + "): " + m.setting()));
            if (f.status() != Status.PASS && f.detail() != null) {
                out.println("        " + f.detail());
            }
            if (f.status() != Status.PASS && f.fix() != null) {
                out.println("        fix: " + f.fix().description());
            }
        }
        out.println();
        r.preflight().ifPresent(p -> {
            out.println("Preflight in account " + p.accountId() + ":");
            for (PreflightCheck c : p.checks()) {
                out.printf("  %-4s  %-32s %s%n", c.status(), c.title(), c.detail());
            }
            out.println();
        });
        out.println("Cost: " + r.cluster().map(c -> c.cost().summary()).orElse(r.cost().summary()));
        if (r.cost().network() != null) {
            out.println("  " + r.cost().network().summary());
        }
        out.println();
        out.println("Where the instance sits:");
        r.network().lines().forEach(l -> out.println("  " + l));
        out.println();
        if (r.cluster().isPresent()) {
            out.println("Steps: AWS ParallelCluster creates the cluster; hand it over with: " + ClusterReview.CREATE_COMMAND + " <file>");
        } else {
            printSteps(out, r.plan().steps(), r.plan().criticalPathSteps());
        }
        out.println();
        out.println("IAM policy of the instance role:");
        out.println(r.dataAccessPolicy());
        out.println("CloudWatch agent policy:");
        out.println(r.agentPolicy());
        out.println("Managed policies: " + (r.managedPolicies().isEmpty() ? "none" : String.join(", ", r.managedPolicies())));
        r.managedPolicies().forEach(arn -> out.println("  " + arn.substring(arn.lastIndexOf('/') + 1) + ": " + IamPolicies.grants(arn)));
        if (r.blueprint().iam().permissionsBoundaryArn() != null) {
            out.println("Permissions boundary: " + r.blueprint().iam().permissionsBoundaryArn());
        }
        out.println();
        out.println(r.blockedBecause().map(why -> "Launch is blocked: " + why + "." + whereTheFixIs(r)).orElse("Launchable."));
    }

    /** The checklist above already lists each FAIL's fix: point there rather than repeat it. */
    private static String whereTheFixIs(LaunchReview r) {
        return r.blockingFindings().isEmpty() ? "" : " Each FAIL above lists its fix.";
    }
}
