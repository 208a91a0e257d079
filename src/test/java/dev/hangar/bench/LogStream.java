package dev.hangar.bench;

import dev.hangar.monitor.RunLogWriter;
import dev.hangar.testing.LocalAws;

/**
 * A chatty training run for {@link GuiBench}: lines put into a launch's log group, {@link #LINES_PER_BATCH} per call, one
 * call after another on a thread of its own, until closed. The Logs tab follows them meanwhile.
 */
final class LogStream implements AutoCloseable {

    static final int LINES_PER_BATCH = 100;

    private final Thread writer;
    private volatile boolean stopped;
    private volatile RuntimeException failure;

    private LogStream(RunLogWriter log) {
        writer = new Thread(() -> {
            try {
                log.state(dev.hangar.monitor.RunStateEvent.RUNNING, null);
                for (int n = 1; !stopped; n += LINES_PER_BATCH) {
                    log.output(RunLogWriter.numbered(n, n + LINES_PER_BATCH - 1));
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        }, "bench-log-stream");
        writer.setDaemon(true);
        writer.start();
    }

    static LogStream start(LocalAws aws, String launchId) {
        return new LogStream(new RunLogWriter(aws, launchId).createGroupAndStreams());
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        writer.join(10_000);
        if (failure != null) {
            throw new AssertionError("writing the run's lines failed", failure);
        }
    }
}
