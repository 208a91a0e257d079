package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.monitor.Latencies;
import dev.hangar.monitor.MonitorFixture;
import dev.hangar.monitor.RunLogWriter;
import dev.hangar.spec.RunSpec;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures, and prints, how long a line takes from PutLogEvents returning to {@code hangar logs --follow} printing it,
 * at the real pace (every 2 s, backing off to 10 s while nothing comes) against the local endpoint; 20 lines written
 * 0 to 3 s apart. Asserts only that every line came, once and in order: timing is reported, not tested.
 */
@ExtendWith({LocalAwsExtension.class, TestCredentials.class})
class LogFollowLatencyTest {

    private static final int EVENTS = 20;
    @TempDir Path home;

    @Test
    void measuresTheFollowLatencyAtTheRealPace(LocalAws aws) throws Exception {
        MonitorFixture f = new MonitorFixture(aws, home);
        String launchId = f.launch(MonitorFixture.spec().run(new RunSpec(null, null, "python train.py", Map.of(), true)).build()).launchId();
        RunLogWriter instance = new RunLogWriter(aws, launchId).createGroupAndStreams();
        Latencies latencies = new Latencies();
        String[] lines = RunLogWriter.numbered(1, EVENTS);
        try (FollowingCli follow = new FollowingCli(aws.uri(), home, false, "logs", "--launch", launchId, "--follow")) {
            Thread.sleep(3_000); // the follow has started and found nothing: it backs off, as it would waiting for a run
            for (int i = 0; i < EVENTS; i++) {
                Thread.sleep(latencies.nextGapMillis());
                instance.output(lines[i]);
                long written = System.nanoTime();
                int count = i + 1;
                follow.awaitLines(l -> l.size() >= count, Duration.ofSeconds(30), "line " + count);
                latencies.add(System.nanoTime() - written);
            }
            assertThat(follow.lines()).containsExactly(lines);
        }
        System.out.println(latencies.summary("hangar logs --follow, 2 s pace"));
    }
}
