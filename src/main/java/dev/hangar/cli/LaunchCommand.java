package dev.hangar.cli;

import dev.hangar.provision.Launch;
import dev.hangar.spec.LaunchSpec;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "launch", mixinStandardHelpOptions = true, description = "Create the instance and everything it needs; on any failure, remove it all again.")
final class LaunchCommand extends HangarSubcommand {

    @Mixin SpecOption specFile;
    @Mixin YesOption yes;
    @Mixin JsonResultOption json;

    @Override
    public Integer call() throws InterruptedException {
        LaunchSpec spec = specFile.read();
        PrintWriter out = out();
        PrintWriter err = err();
        dev.hangar.provision.Launcher.plan(spec); // validates before anything is asked or created
        if (spec.cluster() != null) {
            // A cluster is ParallelCluster's to create; launching its spec here would make one machine instead.
            err.println("This spec describes a cluster (\"cluster\"); create it with: hangar cluster create --spec " + specFile.file);
            return ExitCode.INVALID;
        }
        yes.confirm("Launch " + spec.instanceType() + " in " + spec.region() + "? It costs money while it runs.", "Not launched", err);
        try (Engine engine = openEngine()) {
            PrintWriter progress = json.progress(out, err);
            Launch launch = engine.launcher().prepare(spec, new EventPrinter(progress));
            progress.println("Launch " + launch.launchId() + ": " + launch.plan().steps().size() + " steps, journal in " + engine.journal().fileOf(launch.launchId()));
            return LaunchRunner.run(launch, out, json.json);
        }
    }
}
