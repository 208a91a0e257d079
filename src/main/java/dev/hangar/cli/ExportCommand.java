package dev.hangar.cli;

import dev.hangar.export.ExportFormat;
import dev.hangar.export.ExportInput;
import dev.hangar.export.Exporters;
import dev.hangar.blueprint.Blueprint;
import dev.hangar.review.EvidenceFactory;
import dev.hangar.spec.LaunchSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the same stack as code (Terraform, Pulumi, CloudFormation), a spec with cluster as an AWS ParallelCluster",
                "configuration, or the evidence report (JSON, HTML). The ParallelCluster configuration asks the account (when signed in)",
                "for the subnet of Hangar's network, EFA support, the image's OS and the reservation's type; offline it says what it assumed."})
final class ExportCommand extends HangarSubcommand {

    @Mixin SpecOption specFile;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "terraform, pulumi, cloudformation, parallelcluster, evidence-json or evidence-html")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output")
    Path out;

    @Override
    public Integer call() throws IOException {
        ExportFormat chosen;
        try {
            chosen = ExportFormat.fromWire(format);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format: " + e.getMessage());
        }
        LaunchSpec spec = specFile.read();
        Blueprint stack = Blueprint.of(spec);
        ExportInput input = ExportInput.of(stack);
        if (chosen == ExportFormat.PARALLELCLUSTER) {
            input = ExportInput.of(clusterStack(stack));
        }
        if (chosen == ExportFormat.EVIDENCE_JSON || chosen == ExportFormat.EVIDENCE_HTML) {
            // The evidence records what preflight saw in the account, so it is reviewed like a plan.
            try (Engine engine = openEngine()) {
                input = new ExportInput(stack, EvidenceFactory.of(engine.reviewer().review(spec), Clock.systemUTC()));
            }
        }
        String text = Exporters.export(chosen, input);
        if (out == null) {
            out().print(text);
            out().flush();
        } else {
            Files.writeString(out, text, StandardCharsets.UTF_8);
            err().println("Wrote " + chosen + " to " + out);
        }
        return ExitCode.OK;
    }

    /** The cluster resolved with what the account says, when signed in; offline as it is (the export says what it assumed). */
    private Blueprint clusterStack(Blueprint stack) {
        if (stack.cluster() == null) {
            return stack; // the exporter says why it cannot
        }
        try (Engine engine = openEngine()) {
            return engine.awsIfSignedIn().map(aws -> {
                java.util.List<String> warnings = new java.util.ArrayList<>();
                Blueprint resolved = stack.withClusterFacts(dev.hangar.review.ClusterFactsLookup.lookUp(aws, stack, warnings));
                warnings.forEach(w -> err().println("warning: could not ask the account about " + w));
                return resolved;
            }).orElse(stack);
        }
    }
}
