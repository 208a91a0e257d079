package dev.hangar.cli;

import dev.hangar.blueprint.RunModel;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.monitor.FollowPace;
import dev.hangar.monitor.LogFollower;
import dev.hangar.monitor.LogLine;
import dev.hangar.monitor.LogSince;
import dev.hangar.monitor.RunLogs;
import dev.hangar.monitor.RunStateEvent;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Print a launch's run: the output (stdout and stderr) of its setup and command, and each change of the run's "
                + "state, from the CloudWatch Logs group /hangar/<launch id>.",
                "Exit 0; 2 when the launch is not in the journal or has no run (spec field run)."})
final class LogsCommand extends HangarSubcommand {

    @Mixin LaunchOption launch;

    @Option(names = {"-f", "--follow"},
            description = "Keep printing new lines as the run writes them (asks every 2 s, less often while nothing comes) until the run "
                    + "ends or Ctrl-C")
    boolean follow;

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Start at 30s, 30m, 1h or 2d ago, or at an ISO-8601 time or date (UTC); default: the run's beginning")
    String since;

    @Option(names = "--json", description = "One JSON object a line: time, stream (run or state), message, and for a state its fields")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        Instant start = since == null ? null : LogSince.parse(since, Instant.now()); // a bad value is named before any call
        try (Engine engine = openEngine()) {
            LaunchRecord record = launch.record(engine.journal(), err);
            if (record.spec().run() == null) {
                err.println("--launch: launch " + launch.id + " has no run (spec field run), so nothing writes logs for it; "
                        + "connect to its machine with 'hangar connect --launch " + launch.id + "'");
                return ExitCode.INVALID;
            }
            RunLogs reader = new RunLogs(engine.aws().logs(record.spec().region()), RunModel.logGroup(launch.id), start);
            if (!follow) {
                List<LogLine> lines = reader.pollAll();
                print(out, lines);
                reader.missing().ifPresent(why -> err.println("note: " + why));
                err.flush();
                return ExitCode.OK;
            }
            return follow(reader, engine, out, err);
        }
    }

    /** Until the run ends, or Ctrl-C: the shutdown hook interrupts the loop and waits for the batch being printed. */
    private int follow(RunLogs reader, Engine engine, PrintWriter out, PrintWriter err) {
        Thread loop = Thread.currentThread();
        CountDownLatch printed = new CountDownLatch(1);
        // Not a join: after the follow, the main thread calls System.exit, which waits for this hook.
        Thread hook = new Thread(() -> {
            loop.interrupt();
            try {
                printed.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hangar-logs-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            RunStateEvent ended = new LogFollower(reader, FollowPace.matching(engine.pacing()), new LogFollower.Listener() {
                @Override
                public void lines(List<LogLine> batch) {
                    print(out, batch);
                }

                @Override
                public void waiting(String why) {
                    err.println("waiting: " + why);
                    err.flush();
                }

                @Override
                public void failed(RuntimeException e, Duration retryIn) {
                    err.println("warning: could not read the logs (" + dev.hangar.blueprint.AwsErrors.brief(e) + "); trying again in "
                            + Math.max(1, retryIn.toSeconds()) + " s");
                    err.flush();
                }
            }).follow(true);
            if (ended != null) {
                err.println("The run ended: " + ended.words() + ".");
            }
            err.flush();
            return ExitCode.OK;
        } finally {
            out.flush();
            printed.countDown();
            Thread.interrupted(); // an interrupt that came between two polls is spent here, not on the next command
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl-C): the hook is running
            }
        }
    }

    private void print(PrintWriter out, List<LogLine> lines) {
        for (LogLine l : lines) {
            out.println(json ? Json.line(json(l)) : l.text());
        }
        out.flush();
    }

    private static Map<String, Object> json(LogLine l) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("time", l.time());
        row.put("stream", l.stream());
        row.put("message", l.message());
        if (l.state() != null) {
            row.put("state", l.state().state());
            row.put("exitCode", l.state().exitCode());
        }
        return row;
    }
}
