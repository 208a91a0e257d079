package dev.hangar.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.monitor.FollowPace;
import dev.hangar.monitor.Latencies;
import dev.hangar.monitor.LogLine;
import dev.hangar.monitor.RunLogWriter;
import dev.hangar.monitor.RunState;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * Measures, and prints, how long a line takes from PutLogEvents returning to being in the Logs tab's list, at the
 * tab's real pace, against the local endpoint; a single thread stands in for the FX thread (drawing is not included).
 * Asserts only that every line came, once and in order.
 */
@ExtendWith(LocalAwsExtension.class)
class LogsTabLatencyTest {

    private static final int EVENTS = 20;

    @Test
    void measuresTheTabsFollowLatencyAtTheRealPace(LocalAws aws) throws Exception {
        RunLogWriter instance = new RunLogWriter(aws, "llama-a1b2c3").createGroupAndStreams();
        ExecutorService fxThread = Executors.newSingleThreadExecutor();
        LogsViewModel m = new LogsViewModel(new LogsViewModel.Logs() {
            @Override
            public CloudWatchLogsClient client(String region) {
                return aws.clients().logs(region);
            }

            @Override
            public boolean stopWhenDone(String launchId) {
                return true;
            }
        }, FollowPace.standard(), LogsViewModel.CAPACITY, LogsViewModel.CAPACITY, fxThread::execute);
        Latencies latencies = new Latencies();
        String[] lines = RunLogWriter.numbered(1, EVENTS);
        try {
            fxThread.submit(() -> m.show(LogsViewModelTest.row("llama-a1b2c3", "running",
                    new RunState(RunState.Phase.RUNNING, null, "running")))).get();
            Thread.sleep(3_000);
            for (int i = 0; i < EVENTS; i++) {
                Thread.sleep(latencies.nextGapMillis());
                instance.output(lines[i]);
                long written = System.nanoTime();
                int count = i + 1;
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (fxThread.submit(() -> m.lines().size()).get() < count) {
                    assertThat(System.nanoTime()).as("line " + count + " in time").isLessThan(end);
                    Thread.sleep(1);
                }
                latencies.add(System.nanoTime() - written);
            }
            List<String> shown = fxThread.submit(() -> m.lines().stream().map(LogLine::text).toList()).get();
            assertThat(shown).containsExactly(lines);
        } finally {
            fxThread.submit(m::close).get();
            fxThread.shutdownNow();
        }
        System.out.println(latencies.summary("the monitor's Logs tab, 2 s pace"));
    }
}
