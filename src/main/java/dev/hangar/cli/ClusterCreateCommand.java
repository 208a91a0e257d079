package dev.hangar.cli;

import dev.hangar.aws.AwsClients;
import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.ClusterModel;
import dev.hangar.blueprint.LaunchNames;
import dev.hangar.checklist.Finding;
import dev.hangar.checklist.Status;
import dev.hangar.export.ExportFormat;
import dev.hangar.export.ExportInput;
import dev.hangar.export.Exporters;
import dev.hangar.files.AtomicFiles;
import dev.hangar.journal.ClusterRecords;
import dev.hangar.journal.LaunchJournal;
import dev.hangar.journal.LaunchState;
import dev.hangar.journal.ResourceKind;
import dev.hangar.journal.StepState;
import dev.hangar.provision.Launcher;
import dev.hangar.review.ClusterFactsLookup;
import dev.hangar.review.LaunchReview;
import dev.hangar.spec.InvalidSpecException;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.SpecProblem;
import dev.hangar.spec.SpecValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Review a spec with \"cluster\" like a plan (exit 3 when its checklist has a FAIL), write its ParallelCluster",
                "configuration to $HANGAR_HOME/clusters/, run 'pcluster create-cluster' with it and follow the cluster until it is",
                "CREATE_COMPLETE or failed; the journal records it as a launch. Without pcluster on the PATH: how to install it",
                "and the command it would run (exit 2). Exit 0 created, 1 failed."})
final class ClusterCreateCommand extends HangarSubcommand {

    static final Set<String> CREATE_ENDS = Set.of("CREATE_COMPLETE", "CREATE_FAILED", ClusterStatusWatch.GONE);

    @Mixin SpecOption specFile;

    @Mixin YesOption yes;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = out();
        PrintWriter err = err();
        LaunchSpec spec = new SpecValidator().requireValid(specFile.read());
        if (spec.cluster() == null) {
            throw new InvalidSpecException(List.of(new SpecProblem("cluster", "is needed for 'hangar cluster create' (e.g. \"cluster\": "
                    + "{\"nodes\": 2}); for one machine use 'hangar launch'")));
        }
        try (Engine engine = openEngine()) {
            LaunchReview review = engine.reviewer().review(spec);
            if (review.checklist().hasFail()) {
                err.println("The security checklist has a FAIL; see 'hangar plan --spec " + specFile.file + "':");
                review.checklist().findings().stream().filter(f -> f.status() == Status.FAIL).map(Finding::title).forEach(t -> err.println("  FAIL  " + t));
                return ExitCode.CHECKLIST_FAIL;
            }
            Optional<Pcluster> pcluster = Pcluster.find(System.getenv(), global());
            Optional<AwsClients> aws = pcluster.isPresent() ? Optional.of(engine.aws()) : engine.awsIfSignedIn();
            String launchId = freshLaunchId(engine, spec);
            String createdBy = aws.map(a -> a.sts(spec.region()).getCallerIdentity().arn()).orElse(null);
            Blueprint stack = Blueprint.forLaunch(spec, launchId, createdBy);
            if (aws.isPresent()) {
                List<String> warnings = new ArrayList<>();
                stack = stack.withClusterFacts(ClusterFactsLookup.lookUp(aws.get(), stack, warnings));
                warnings.forEach(w -> err.println("warning: could not ask the account about " + w));
            }
            ClusterModel cluster = stack.cluster();
            Path config = engine.home().resolve("clusters").resolve(cluster.clusterName() + ".yaml");
            java.nio.file.Files.createDirectories(config.getParent());
            AtomicFiles.write(config, Exporters.export(ExportFormat.PARALLELCLUSTER, ExportInput.of(stack)).getBytes(StandardCharsets.UTF_8));
            out.println("Wrote the configuration of cluster " + cluster.clusterName() + " to " + config);
            cluster.notes().forEach(n -> out.println("  note: " + n));
            List<String> args = List.of("create-cluster", "--cluster-name", cluster.clusterName(), "--cluster-configuration", config.toString(),
                    "--region", cluster.region());
            if (pcluster.isEmpty()) {
                Pcluster.explainMissing(err, Pcluster.commandLine(args));
                return ExitCode.INVALID;
            }
            if (!cluster.subnetKnown()) {
                err.println("error: cannot create cluster " + cluster.clusterName() + ": its subnet is not known (see the warning above)."
                        + " Launch once with network " + (spec.network() == null ? "private" : spec.network().wireName())
                        + " to create Hangar's network, or give the spec a subnetId.");
                return ExitCode.FAILED;
            }
            yes.confirm("Create ParallelCluster cluster " + cluster.clusterName() + " (a " + cluster.headNodeType() + " head node, "
                    + cluster.minCount() + " to " + cluster.maxCount() + " " + cluster.computeType() + ") in " + cluster.region() + "?",
                    "Not created", err);
            return create(engine, stack, createdBy, config, args, pcluster.get(), out, err);
        }
    }

    private int create(Engine engine, Blueprint stack, String createdBy, Path config, List<String> args, Pcluster pcluster,
            PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        ClusterModel cluster = stack.cluster();
        String name = cluster.clusterName();
        LaunchJournal journal = LaunchJournal.begin(engine.journal(), Clock.systemUTC(), stack.launchId(), stack.spec(), List.of(ClusterRecords.STEP));
        if (createdBy != null) {
            journal.output(Launcher.CREATED_BY, createdBy);
        }
        journal.output(ClusterRecords.CLUSTER_NAME, name);
        journal.output(ClusterRecords.REGION, cluster.region());
        journal.output(ClusterRecords.CONFIGURATION, config.toString());
        journal.stepStarted(ClusterRecords.STEP);
        journal.intend(ResourceKind.PARALLELCLUSTER_CLUSTER, name, ClusterRecords.STEP);
        out.println("Launch " + stack.launchId() + ": " + String.join(" ", Pcluster.commandLine(args)));
        out.flush();
        Pcluster.Answer created = pcluster.run(args);
        if (!created.ok()) {
            String why = created.problem();
            journal.deleted(ResourceKind.PARALLELCLUSTER_CLUSTER, name);
            journal.stepFinished(ClusterRecords.STEP, StepState.FAILED, why);
            journal.state(LaunchState.ROLLED_BACK, "pcluster create-cluster failed: " + why);
            err.println("error: pcluster create-cluster failed (exit " + created.exit() + "); nothing was created:");
            why.lines().forEach(l -> err.println("  " + l));
            return ExitCode.FAILED;
        }
        journal.created(ResourceKind.PARALLELCLUSTER_CLUSTER, name, ClusterRecords.STEP);
        Pcluster.Answer end = new ClusterStatusWatch(pcluster, engine.pacing(), out)
                .until(name, cluster.region(), CREATE_ENDS, a -> record(journal, a));
        String status = ClusterStatusWatch.status(end);
        if ("CREATE_COMPLETE".equals(status)) {
            journal.stepFinished(ClusterRecords.STEP, StepState.DONE, null);
            journal.state(LaunchState.SUCCEEDED, null);
            String head = journal.snapshot().output(ClusterRecords.HEAD_NODE);
            out.println("Cluster " + name + " is ready (launch " + stack.launchId() + ")."
                    + (head == null ? "" : " Head node " + head + ": aws ssm start-session --region " + cluster.region() + " --target " + head));
            out.println("Submit jobs there with sbatch; remove it with: hangar cluster delete --launch " + stack.launchId());
            return ExitCode.OK;
        }
        String why = status == null ? "pcluster describe-cluster failed: " + end.problem()
                : "the cluster is " + status + (end.problem().isBlank() ? "" : ": " + end.problem());
        journal.stepFinished(ClusterRecords.STEP, StepState.FAILED, why);
        journal.state(LaunchState.ROLLBACK_INCOMPLETE, why + ". Remove what is left with: hangar cluster delete --launch " + stack.launchId());
        err.println("error: cluster " + name + " was not created: " + why);
        err.println("Remove what is left with: hangar cluster delete --launch " + stack.launchId());
        return ExitCode.FAILED;
    }

    /** Each status (and the head node once known) into the journal, so status and delete see where it stands. */
    static void record(LaunchJournal journal, Pcluster.Answer a) {
        String status = ClusterStatusWatch.status(a);
        if (status != null && !status.equals(ClusterStatusWatch.GONE)) {
            journal.output(ClusterRecords.STATUS, status);
        }
        String head = a.json().at("/headNode/instanceId").asText(null);
        if (head != null) {
            journal.output(ClusterRecords.HEAD_NODE, head);
        }
    }

    private static String freshLaunchId(Engine engine, LaunchSpec spec) {
        LaunchNames names = LaunchNames.fresh(spec.name());
        while (engine.journal().exists(names.launchId())) {
            names = LaunchNames.fresh(spec.name());
        }
        return names.launchId();
    }
}
