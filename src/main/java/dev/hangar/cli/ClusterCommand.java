package dev.hangar.cli;

import picocli.CommandLine.Command;

/** {@code hangar cluster create|delete}: a reviewed multi-node cluster handed to AWS ParallelCluster's {@code pcluster}. */
@Command(name = "cluster", mixinStandardHelpOptions = true, subcommands = {ClusterCreateCommand.class, ClusterDeleteCommand.class},
        description = {"A spec with \"cluster\" as an AWS ParallelCluster (Slurm) cluster: reviewed like a launch, then created and",
                "deleted by ParallelCluster's own pcluster command, and recorded in the journal."})
final class ClusterCommand implements Runnable {

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec command;

    @Override
    public void run() {
        command.commandLine().usage(command.commandLine().getOut());
    }
}
