package dev.hangar.cli;

import dev.hangar.provision.Launch;
import dev.hangar.provision.LaunchOutcome;
import dev.hangar.spec.LaunchSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
            // Ctrl-C cancels: the launch rolls back, and the process ends once that is done.
            CountDownLatch finished = new CountDownLatch(1);
            Thread onInterrupt = new Thread(() -> {
                launch.cancel();
                awaitQuietly(finished);
            }, "hangar-cancel-on-exit");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            try {
                LaunchOutcome outcome = launch.run();
                if (json) {
                    out.println(Json.write(result(outcome)));
                } else {
                    out.println(outcome.message());
                    if (outcome.succeeded()) {
                        out.println("Connect: " + outcome.outputs().get("connect"));
                    }
                }
                out.flush();
                return outcome.succeeded() ? ExitCode.OK : ExitCode.FAILED;
            } finally {
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(onInterrupt);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it returns now that the launch has finished
                }
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(15, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> result(LaunchOutcome o) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("launchId", o.launchId());
        r.put("state", o.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        r.put("instanceId", o.outputs().get("instanceId"));
        r.put("region", o.region());
        r.put("availabilityZone", o.outputs().get("availabilityZone"));
        r.put("connect", o.outputs().get("connect"));
        r.put("dataVolumeId", o.outputs().get("dataVolumeId"));
        r.put("message", o.message());
        if (o.failedStep() != null) {
            r.put("failedStep", o.failedStep());
        }
        return r;
    }
}
