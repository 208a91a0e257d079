package dev.hangar.monitor;

import dev.hangar.blueprint.RunModel;
import dev.hangar.testing.LocalAws;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * Plays the instance's side of a run in the local endpoint's CloudWatch Logs, through the real SDK: the group a launch
 * creates, the {@code run} and {@code state} streams, output lines and state changes as PutLogEvents.
 */
public final class RunLogWriter {

    private final CloudWatchLogsClient logs;
    private final String group;
    /** Each event a millisecond after the last (never ahead of the clock, as on the instance), so that the order written is the order of the timestamps. */
    private long lastMillis;

    public RunLogWriter(LocalAws aws, String launchId) {
        this.logs = aws.clients().logs(LocalAws.REGION);
        this.group = RunModel.logGroup(launchId);
    }

    public RunLogWriter createGroupAndStreams() {
        // A launch with a run creates its group; a test that made none (the reader alone) makes it here.
        if (logs.describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups().stream().noneMatch(g -> g.logGroupName().equals(group))) {
            logs.createLogGroup(r -> r.logGroupName(group));
        }
        logs.createLogStream(r -> r.logGroupName(group).logStreamName(RunModel.RUN_STREAM));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName(RunModel.STATE_STREAM));
        return this;
    }

    public String group() {
        return group;
    }

    /** One PutLogEvents call to the run stream with these lines; returns when CloudWatch has them. */
    public void output(String... lines) {
        List<InputLogEvent> events = new ArrayList<>();
        for (String line : lines) {
            events.add(InputLogEvent.builder().timestamp(nextMillis()).message(line).build());
        }
        logs.putLogEvents(r -> r.logGroupName(group).logStreamName(RunModel.RUN_STREAM).logEvents(events));
    }

    /** The line the instance writes to the state stream; exitCode null while the run has not ended. */
    public void state(String state, Integer exitCode) {
        long at = nextMillis();
        String json = "{\"state\": \"" + state + "\", \"exitCode\": " + exitCode + ", \"time\": \"" + Instant.ofEpochMilli(at) + "\"}";
        logs.putLogEvents(r -> r.logGroupName(group).logStreamName(RunModel.STATE_STREAM)
                .logEvents(InputLogEvent.builder().timestamp(at).message(json).build()));
    }

    /** Lines numbered {@code from} to {@code to} inclusive: "epoch 1/3 step 007 loss …", easy to check for order and repeats. */
    public static String[] numbered(int from, int to) {
        String[] lines = new String[to - from + 1];
        for (int i = from; i <= to; i++) {
            lines[i - from] = String.format("step %03d loss %.3f", i, 2.0 / (1 + i * 0.1));
        }
        return lines;
    }

    private synchronized long nextMillis() {
        long now = System.currentTimeMillis();
        while (now <= lastMillis) {
            Thread.onSpinWait();
            now = System.currentTimeMillis();
        }
        lastMillis = now;
        return now;
    }
}
