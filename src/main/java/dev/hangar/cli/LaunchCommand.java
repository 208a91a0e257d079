package dev.hangar.cli;

import dev.hangar.provision.Launch;
import dev.hangar.spec.LaunchSpec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "launch", mixinStandardHelpOptions = true, description = "Create the instance and everything it needs; on any failure, remove it all again.")
final class LaunchCommand implements Callable<Integer> {

    @ParentCommand HangarCommand root;
    @Spec CommandSpec command;

    @Mixin SpecOption specFile;
    @Mixin YesOption yes;
    @Mixin JsonResultOption json;

    @Override
    public Integer call() throws InterruptedException {
        LaunchSpec spec = specFile.read();
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        dev.hangar.provision.Launcher.plan(spec); // validates before anything is asked or created
        yes.confirm("Launch " + spec.instanceType() + " in " + spec.region() + "? It costs money while it runs.", "Not launched", err);
        try (Engine engine = new Engine(root.global, System.getenv())) {
            PrintWriter progress = json.progress(out, err);
            Launch launch = engine.launcher().prepare(spec, new EventPrinter(progress));
            progress.println("Launch " + launch.launchId() + ": " + launch.plan().steps().size() + " steps, journal in " + engine.journal().fileOf(launch.launchId()));
            return LaunchRunner.run(launch, out, json.json);
        }
    }
}
