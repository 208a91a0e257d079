package dev.hangar.cli;

import dev.hangar.journal.ClusterRecords;
import dev.hangar.journal.JournalCorruptException;
import dev.hangar.journal.LaunchJournal;
import dev.hangar.journal.LaunchLock;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.LaunchState;
import dev.hangar.journal.ResourceKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete a cluster 'hangar cluster create' made (and only such a cluster) with 'pcluster delete-cluster', follow it",
                "until it is gone, and record that in the journal. Its shared data volume stays when the spec kept data volumes."})
final class ClusterDeleteCommand extends HangarSubcommand {

    static final Set<String> DELETE_ENDS = Set.of("DELETE_FAILED", ClusterStatusWatch.GONE);

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--launch", required = true, paramLabel = "ID", description = "The cluster's launch ID (see 'status')")
        String launchId;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The cluster's name in ParallelCluster")
        String name;
    }

    @Mixin YesOption yes;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = out();
        PrintWriter err = err();
        try (Engine engine = openEngine()) {
            LaunchRecord record = find(engine, err);
            String name = record.output(ClusterRecords.CLUSTER_NAME);
            String region = record.output(ClusterRecords.REGION);
            if (record.state() == LaunchState.DESTROYED || record.state() == LaunchState.ROLLED_BACK) {
                out.println("Cluster " + name + " (launch " + record.launchId() + ") is already gone.");
                return ExitCode.OK;
            }
            List<String> args = List.of("delete-cluster", "--cluster-name", name, "--region", region);
            Optional<Pcluster> pcluster = Pcluster.find(System.getenv(), global());
            if (pcluster.isEmpty()) {
                Pcluster.explainMissing(err, Pcluster.commandLine(args));
                return ExitCode.INVALID;
            }
            yes.confirm("Delete ParallelCluster cluster " + name + " in " + region + " (its head node, compute nodes and stack)?", "Not deleted", err);
            try (LaunchLock lock = engine.journal().lock(record.launchId())) {
                return delete(engine, record, args, pcluster.get(), out, err);
            }
        }
    }

    private int delete(Engine engine, LaunchRecord record, List<String> args, Pcluster pcluster, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        String name = record.output(ClusterRecords.CLUSTER_NAME);
        String region = record.output(ClusterRecords.REGION);
        LaunchJournal journal = LaunchJournal.reopen(engine.journal(), Clock.systemUTC(), record);
        journal.state(LaunchState.DESTROYING, null);
        out.println(String.join(" ", Pcluster.commandLine(args)));
        out.flush();
        Pcluster.Answer asked = pcluster.run(args);
        Pcluster.Answer end = asked;
        if (asked.ok()) {
            ClusterCreateCommand.record(journal, asked);
            end = new ClusterStatusWatch(pcluster, engine.pacing(), out).until(name, region, DELETE_ENDS, a -> ClusterCreateCommand.record(journal, a));
        }
        if (ClusterStatusWatch.GONE.equals(ClusterStatusWatch.status(end))) {
            journal.deleted(ResourceKind.PARALLELCLUSTER_CLUSTER, name);
            journal.output(ClusterRecords.STATUS, "DELETE_COMPLETE");
            journal.state(LaunchState.DESTROYED, null);
            out.println("Deleted cluster " + name + " (launch " + record.launchId() + ").");
            return ExitCode.OK;
        }
        String why = end.problem();
        journal.state(LaunchState.DESTROY_INCOMPLETE, "pcluster could not delete the cluster: " + why);
        err.println("error: cluster " + name + " was not deleted: " + why);
        err.println("Try again with: hangar cluster delete --launch " + record.launchId());
        return ExitCode.FAILED;
    }

    /** The cluster's launch in the journal; a name or ID the journal does not know as a cluster is refused. */
    private LaunchRecord find(Engine engine, PrintWriter err) {
        if (target.launchId != null) {
            LaunchRecord record = LaunchOption.record(engine.journal(), target.launchId, err);
            if (!ClusterRecords.isCluster(record)) {
                err.println("--launch: launch " + target.launchId + " is one machine, not a cluster: remove it with 'hangar destroy --launch "
                        + target.launchId + "'");
                throw new ReportedFailure(ExitCode.INVALID);
            }
            return record;
        }
        List<JournalCorruptException> corrupt = new ArrayList<>();
        Optional<LaunchRecord> byName = ClusterRecords.byName(engine.journal(), target.name, corrupt);
        corrupt.forEach(e -> err.println("warning: " + e.getMessage()));
        if (byName.isEmpty()) {
            err.println("--name: no cluster " + target.name + " in the journal at " + engine.journal().directory()
                    + ". Hangar deletes only the clusters it created; 'pcluster delete-cluster' deletes any.");
            throw new ReportedFailure(ExitCode.INVALID);
        }
        return byName.get();
    }
}
