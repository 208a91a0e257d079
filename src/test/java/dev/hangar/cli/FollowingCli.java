package dev.hangar.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import picocli.CommandLine;

/** A command that keeps running ({@code logs --follow}) on a thread of its own, with its output readable while it runs. */
final class FollowingCli implements AutoCloseable {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    /** @param fastPolling as the other in-process tests (follows every 20 ms); false for the real 2 s pace */
    FollowingCli(URI endpoint, Path home, boolean fastPolling, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", endpoint.toString(), "--home", home.toString()));
        if (fastPolling) {
            all.add("--fast-polling");
        }
        thread = new Thread(() -> {
            CommandLine cli = HangarCommand.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            exit.complete(cli.execute(all.toArray(String[]::new)));
        }, "following-cli");
        thread.setDaemon(true);
        thread.start();
    }

    /** Standard output's lines so far. */
    List<String> lines() {
        String text = out.toString();
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    String err() {
        return err.toString();
    }

    /** Waits (polling every millisecond, so that a latency measured with it is not the wait's own) for the output to satisfy the condition. */
    void awaitLines(Predicate<List<String>> condition, Duration timeout, String what) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.test(lines())) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what + "; output so far:\n" + out + "\nstderr:\n" + err);
            }
            Thread.sleep(1);
        }
    }

    int awaitExit(Duration timeout) throws Exception {
        return exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** As Ctrl-C does through the shutdown hook: interrupts the follow. */
    void interrupt() {
        thread.interrupt();
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
