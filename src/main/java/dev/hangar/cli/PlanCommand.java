package dev.hangar.cli;

import dev.hangar.provision.IamPolicies;
import dev.hangar.provision.Launcher;
import dev.hangar.provision.LaunchPlan;
import dev.hangar.provision.Step;
import dev.hangar.spec.LaunchSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "plan", mixinStandardHelpOptions = true, description = "Validate a launch spec and show what a launch would create; changes nothing.")
final class PlanCommand implements Callable<Integer> {

    @ParentCommand HangarCommand root;
    @Spec CommandSpec command;

    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "Launch spec (JSON)")
    Path specFile;

    @Option(names = "--json", description = "Print the plan as JSON")
    boolean json;

    @Override
    public Integer call() {
        LaunchSpec spec = SpecFile.read(specFile);
        LaunchPlan plan = Launcher.plan(spec);
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(asJson(spec, plan)));
        } else {
            printText(out, spec, plan);
        }
        out.flush();
        return ExitCode.OK;
    }

    private static Map<String, Object> asJson(LaunchSpec spec, LaunchPlan plan) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("valid", true);
        result.put("region", spec.region());
        result.put("steps", plan.steps().stream().map(s -> Map.of("id", s.id(), "title", s.title(), "dependsOn", s.dependsOn())).toList());
        result.put("criticalPathSteps", plan.criticalPathSteps());
        result.put("trustPolicy", Json.parse(IamPolicies.trustPolicy()));
        result.put("dataAccessPolicy", Json.parse(IamPolicies.dataAccessPolicy(spec)));
        result.put("managedPolicies", IamPolicies.managedPolicyArns(spec));
        return result;
    }

    private static void printText(PrintWriter out, LaunchSpec spec, LaunchPlan plan) {
        out.println("Spec is valid. A launch of " + spec.instanceType() + " in " + spec.region() + " would:");
        List<Step> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            out.printf("  %2d. %s%s%n", i + 1, s.title(), s.dependsOn().isEmpty() ? "" : "   (after " + String.join(", ", s.dependsOn()) + ")");
        }
        out.println();
        out.println("IAM policy of the instance role (" + spec.bucketAccess().wireName() + " on s3://" + spec.dataBucket() + "/" + spec.dataPrefix() + "):");
        out.println(IamPolicies.dataAccessPolicy(spec));
        out.println("Managed policies: " + String.join(", ", IamPolicies.managedPolicyArns(spec)));
    }
}
