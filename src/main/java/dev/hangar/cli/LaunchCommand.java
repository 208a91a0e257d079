package dev.hangar.cli;

import dev.hangar.provision.Launch;
import dev.hangar.spec.LaunchSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "launch", mixinStandardHelpOptions = true, description = "Create the instance and everything it needs; on any failure, remove it all again.")
final class LaunchCommand implements Callable<Integer> {

    @ParentCommand HangarCommand root;
    @Spec CommandSpec command;

    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "Launch spec (JSON)")
    Path specFile;

    @Option(names = "--yes", description = "Do not ask for confirmation")
    boolean yes;

    @Option(names = "--json", description = "Print the result as JSON on standard output (progress goes to standard error)")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        LaunchSpec spec = SpecFile.read(specFile);
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        dev.hangar.provision.Launcher.plan(spec); // validates before anything is asked or created
        if (!Confirmation.confirmed(yes, "Launch " + spec.instanceType() + " in " + spec.region() + "? It costs money while it runs.")) {
            err.println("Not launched: confirm with --yes (no terminal to ask on).");
            return ExitCode.INVALID;
        }
        try (Engine engine = new Engine(root.global, System.getenv())) {
            Launch launch = engine.launcher().prepare(spec, new EventPrinter(json ? err : out));
            (json ? err : out).println("Launch " + launch.launchId() + ": " + launch.plan().steps().size() + " steps, journal in " + engine.journal().fileOf(launch.launchId()));
            return LaunchRunner.run(launch, out, json);
        }
    }
}
