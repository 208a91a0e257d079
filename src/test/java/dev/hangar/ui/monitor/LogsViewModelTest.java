package dev.hangar.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.journal.LaunchState;
import dev.hangar.monitor.FollowPace;
import dev.hangar.monitor.LogLine;
import dev.hangar.monitor.MonitoredInstance;
import dev.hangar.monitor.RunLogWriter;
import dev.hangar.monitor.RunState;
import dev.hangar.monitor.RunStateEvent;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** The Logs tab's view model without a window: a single thread stands in for the FX thread; the logs are the local endpoint's. */
@ExtendWith(LocalAwsExtension.class)
class LogsViewModelTest {

    private final ExecutorService fxThread = Executors.newSingleThreadExecutor();
    private LocalAws aws;
    private final List<String> stopWhenDoneAsked = new ArrayList<>();

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
    }

    @AfterEach
    void tearDown() {
        fxThread.shutdownNow();
    }

    private LogsViewModel model(int pageSize, int capacity) {
        return new LogsViewModel(new LogsViewModel.Logs() {
            @Override
            public CloudWatchLogsClient client(String region) {
                return aws.clients().logs(region);
            }

            @Override
            public boolean stopWhenDone(String launchId) {
                stopWhenDoneAsked.add(launchId);
                return true;
            }
        }, FollowPace.fast(), pageSize, capacity, fxThread::execute);
    }

    static MonitoredInstance row(String launchId, String instanceState, RunState run) {
        return new MonitoredInstance(launchId, "llama", true, LaunchState.SUCCEEDED, "launched", Instant.now(), LocalAws.REGION, "us-east-1a",
                "i-0123456789abcdef0", "g5.xlarge", instanceState, "ok", "ok", Instant.now().minusSeconds(3600), null, null, "10.0.0.5",
                null, null, null, List.of(), Map.of(), run);
    }

    private static final RunState WAITING = new RunState(RunState.Phase.WAITING_FOR_MACHINE, null, "waiting for the machine to start the run");

    private <T> T onFx(Callable<T> read) throws Exception {
        return fxThread.submit(read).get(10, TimeUnit.SECONDS);
    }

    private List<String> texts(LogsViewModel m) throws Exception {
        return onFx(() -> m.lines().stream().map(LogLine::text).toList());
    }

    private void await(Callable<Boolean> condition, String what) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!onFx(condition)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void followsTheRunOnceInOrderAcrossPagesAndPollsAndTellsItsState() throws Exception {
        RunLogWriter instance = new RunLogWriter(aws, "llama-a1b2c3").createGroupAndStreams();
        instance.state(RunStateEvent.SETTING_UP, null);
        instance.output(RunLogWriter.numbered(1, 8));
        LogsViewModel m = model(3, LogsViewModel.CAPACITY);
        List<String> expected = new ArrayList<>(List.of("── setting up ──"));
        expected.addAll(List.of(RunLogWriter.numbered(1, 8)));

        onFx(() -> {
            m.show(row("llama-a1b2c3", "running", WAITING));
            return null;
        });
        assertThat(onFx(() -> m.runStateProperty().get())).as("the refresh's answer until a state line comes").isNotNull();
        await(() -> m.lines().size() >= expected.size(), "the first lines");
        assertThat(texts(m)).containsExactlyElementsOf(expected);
        assertThat(onFx(() -> m.runStateProperty().get().phase())).isEqualTo(RunState.Phase.SETTING_UP);

        instance.state(RunStateEvent.RUNNING, null);
        expected.add("── running ──");
        for (int batch = 0; batch < 3; batch++) {
            String[] lines = RunLogWriter.numbered(9 + batch * 5, 13 + batch * 5);
            instance.output(lines);
            expected.addAll(List.of(lines));
            await(() -> m.lines().size() >= expected.size(), "batch " + batch);
            assertThat(texts(m)).containsExactlyElementsOf(expected);
        }
        assertThat(onFx(() -> m.runStateProperty().get().words())).isEqualTo("running");
        // A refresh brings a new row object for the same launch: the follow goes on, nothing is read twice.
        onFx(() -> {
            m.show(row("llama-a1b2c3", "running", WAITING));
            return null;
        });
        instance.state(RunStateEvent.FAILED, 1);
        expected.add("── failed (exit 1) ──");
        await(() -> m.lines().size() >= expected.size(), "the end");
        Thread.sleep(200); // a few more polls: nothing more may come
        assertThat(texts(m)).containsExactlyElementsOf(expected);
        assertThat(onFx(() -> m.runStateProperty().get())).isEqualTo(new RunState(RunState.Phase.FAILED, 1,
                "failed (exit 1); the machine is stopping itself"));
        assertThat(onFx(() -> m.statusProperty().get())).isEqualTo("Following /hangar/llama-a1b2c3 · " + expected.size() + " lines");
        assertThat(stopWhenDoneAsked).containsExactly("llama-a1b2c3");
        onFx(() -> {
            m.close();
            return null;
        });
    }

    @Test
    void keepsTheLastLinesOnly() throws Exception {
        RunLogWriter instance = new RunLogWriter(aws, "llama-a1b2c3").createGroupAndStreams();
        instance.output(RunLogWriter.numbered(1, 25));
        LogsViewModel m = model(7, 10);

        onFx(() -> {
            m.show(row("llama-a1b2c3", "running", WAITING));
            return null;
        });
        await(() -> m.statusProperty().get().contains("dropped"), "the lines");
        assertThat(texts(m)).containsExactly(RunLogWriter.numbered(16, 25));
        assertThat(onFx(m::dropped)).isEqualTo(15);
        assertThat(onFx(() -> m.statusProperty().get())).contains("the first 15 dropped; hangar logs --launch llama-a1b2c3 prints them all");
        onFx(() -> {
            m.close();
            return null;
        });
    }

    @Test
    void anotherLaunchStartsAfreshAndTheOldFollowerIsHeardNoMore() throws Exception {
        RunLogWriter first = new RunLogWriter(aws, "first-a1b2c3").createGroupAndStreams();
        RunLogWriter second = new RunLogWriter(aws, "second-a1b2c3").createGroupAndStreams();
        first.output("first 1");
        second.output("second 1");
        LogsViewModel m = model(100, 100);
        onFx(() -> {
            m.show(row("first-a1b2c3", "running", WAITING));
            return null;
        });
        await(() -> m.lines().size() == 1, "the first launch's line");

        onFx(() -> {
            m.show(row("second-a1b2c3", "running", WAITING));
            return null;
        });
        first.output("first 2");
        await(() -> m.lines().size() == 1 && m.lines().get(0).message().equals("second 1"), "the second launch's line");
        Thread.sleep(200);
        assertThat(texts(m)).containsExactly("second 1");
        onFx(() -> {
            m.close();
            return null;
        });
    }

    @Test
    void aLaunchWithoutARunSaysSoAndReadsNothing() throws Exception {
        LogsViewModel m = model(100, 100);
        aws.endpoint().clearRecord();
        onFx(() -> {
            m.show(row("plain-a1b2c3", "running", null));
            return null;
        });
        assertThat(onFx(() -> m.statusProperty().get())).startsWith("This launch has no run (spec field run)");
        assertThat(onFx(() -> m.runStateProperty().get())).isNull();
        Thread.sleep(100);
        assertThat(aws.endpoint().count("logs", "GetLogEvents")).isZero();
    }

    @Test
    void aRunWithNoOutputYetSaysWhy() throws Exception {
        LogsViewModel m = model(100, 100);
        onFx(() -> {
            m.show(row("quiet-a1b2c3", "pending", WAITING));
            return null;
        });
        await(() -> m.statusProperty().get().startsWith("Waiting"), "the reason");
        assertThat(onFx(() -> m.statusProperty().get())).contains("/hangar/quiet-a1b2c3", "does not exist yet");
        onFx(() -> {
            m.close();
            return null;
        });
    }
}
