package dev.hangar.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The reader of a run's logs against the local endpoint's CloudWatch Logs: every event once, in order, across pages and polls. */
@ExtendWith(LocalAwsExtension.class)
class RunLogsTest {

    private static final String LAUNCH = "llama-a1b2c3";
    private LocalAws aws;
    private RunLogWriter instance;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        instance = new RunLogWriter(aws, LAUNCH).createGroupAndStreams();
    }

    private RunLogs reader(Instant since, int pageSize) {
        return new RunLogs(aws.clients().logs(LocalAws.REGION), instance.group(), since, pageSize);
    }

    private static List<String> texts(List<LogLine> lines) {
        return lines.stream().map(LogLine::text).toList();
    }

    @Test
    void everyEventOnceInOrderAcrossPagesAndPolls() {
        instance.state(RunStateEvent.SETTING_UP, null);
        instance.output(RunLogWriter.numbered(1, 10));
        instance.output(RunLogWriter.numbered(11, 13));
        RunLogs reader = reader(null, 4);
        aws.endpoint().clearRecord();

        List<LogLine> first = reader.poll();

        List<String> expected = new ArrayList<>(List.of("── setting up ──"));
        expected.addAll(List.of(RunLogWriter.numbered(1, 13)));
        assertThat(texts(first)).containsExactlyElementsOf(expected);
        assertThat(aws.endpoint().count("logs", "GetLogEvents")).as("13 run events at 4 a page take several pages").isGreaterThan(4);

        assertThat(reader.poll()).as("nothing new: nothing again").isEmpty();

        instance.state(RunStateEvent.RUNNING, null);
        instance.output(RunLogWriter.numbered(14, 22));
        instance.state(RunStateEvent.FAILED, 3);
        List<LogLine> second = reader.poll();
        List<String> more = new ArrayList<>(List.of("── running ──"));
        more.addAll(List.of(RunLogWriter.numbered(14, 22)));
        more.add("── failed (exit 3) ──");
        assertThat(texts(second)).containsExactlyElementsOf(more);
        assertThat(second.get(second.size() - 1).state()).satisfies(s -> {
            assertThat(s.ended()).isTrue();
            assertThat(s.exitCode()).isEqualTo(3);
        });
        assertThat(reader.poll()).isEmpty();
    }

    @Test
    void sinceLeavesOutWhatCameBefore() throws Exception {
        instance.output("old 1", "old 2");
        Thread.sleep(20);
        Instant since = Instant.now();
        Thread.sleep(5);
        instance.output("new 1", "new 2", "new 3");
        RunLogs reader = reader(since, 2);

        assertThat(texts(reader.poll())).containsExactly("new 1", "new 2", "new 3");
        instance.output("new 4");
        assertThat(texts(reader.poll())).as("the start time and the token stay together").containsExactly("new 4");
    }

    @Test
    void aGroupOrStreamNotThereYetReadsAsNothingAndSaysWhy() {
        RunLogs reader = new RunLogs(aws.clients().logs(LocalAws.REGION), "/hangar/nothing-yet-a1b2c3", null);

        assertThat(reader.poll()).isEmpty();
        assertThat(reader.missing()).hasValueSatisfying(why -> assertThat(why).contains("/hangar/nothing-yet-a1b2c3", "does not exist yet"));
        assertThat(RunLogs.latestState(aws.clients().logs(LocalAws.REGION), "/hangar/nothing-yet-a1b2c3")).isEmpty();
    }

    @Test
    void latestStateIsTheStateStreamsLastEvent() {
        assertThat(RunLogs.latestState(aws.clients().logs(LocalAws.REGION), instance.group())).isEmpty();
        instance.state(RunStateEvent.SETTING_UP, null);
        instance.state(RunStateEvent.RUNNING, null);
        instance.output("epoch 1");

        assertThat(RunLogs.latestState(aws.clients().logs(LocalAws.REGION), instance.group()))
                .hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(RunStateEvent.RUNNING));
    }

    @Test
    void aStateLineThatIsNotJsonIsShownAsWritten() throws InterruptedException {
        instance.output("ok");
        long stamp = System.currentTimeMillis() + 5;
        aws.clients().logs(LocalAws.REGION).putLogEvents(r -> r.logGroupName(instance.group()).logStreamName("state")
                .logEvents(e -> e.timestamp(stamp).message("not json")));
        // A line stamped after the poll began is held for the next poll (see below): let its time pass first.
        while (System.currentTimeMillis() <= stamp) {
            Thread.sleep(1);
        }

        List<LogLine> lines = reader(null, 100).poll();
        assertThat(texts(lines)).containsExactly("ok", "not json");
        assertThat(lines.get(1).state()).isNull();
    }

    @Test
    void anEventStampedAfterThePollBeganWaitsForTheNextPollSoThatTheStreamsInterleaveInOrder() {
        long future = System.currentTimeMillis() + 3_000;
        // The state change was read in this poll; the line before it was written between the two streams' reads.
        aws.clients().logs(LocalAws.REGION).putLogEvents(r -> r.logGroupName(instance.group()).logStreamName("state")
                .logEvents(e -> e.timestamp(future).message("{\"state\": \"succeeded\", \"exitCode\": 0}")));
        RunLogs reader = reader(null, 100);

        assertThat(reader.poll()).as("held for the next poll").isEmpty();
        aws.clients().logs(LocalAws.REGION).putLogEvents(r -> r.logGroupName(instance.group()).logStreamName("run")
                .logEvents(e -> e.timestamp(future - 1).message("saved checkpoint")));

        assertThat(texts(reader.poll())).containsExactly("saved checkpoint", "── succeeded ──");
        assertThat(reader.poll()).isEmpty();
        aws.clients().logs(LocalAws.REGION).putLogEvents(r -> r.logGroupName(instance.group()).logStreamName("run")
                .logEvents(e -> e.timestamp(future + 1).message("after")));
        assertThat(texts(reader.pollAll())).as("a last read holds nothing back").containsExactly("after");
    }
}
