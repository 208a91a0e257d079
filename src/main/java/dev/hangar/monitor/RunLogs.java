package dev.hangar.monitor;

import dev.hangar.blueprint.RunModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Reads a run's log group ({@code /hangar/<launch id>}, streams {@code run} and {@code state}) forward, each event
 * exactly once however many pages and polls it takes. Not thread-safe: one reader per follower.
 *
 * <p>Each stream is read with GetLogEvents from the head and its paginator, and the stream's forward token is kept
 * between polls: the token is CloudWatch's own cursor, so nothing is skipped or repeated and memory stays one token per
 * stream however long the run (SageMaker's training-job log follower works the same way). FilterLogEvents with a
 * timestamp cursor would miss a {@code state} event that arrives after {@code run} lines with later timestamps, and
 * shares a 5-calls-a-second account quota; GetLogEvents has 25.
 */
public final class RunLogs {

    /** GetLogEvents returns at most 10,000 events (1 MB) a page. */
    public static final int MAX_PAGE = 10_000;
    private static final List<String> STREAMS = List.of(RunModel.RUN_STREAM, RunModel.STATE_STREAM);
    /** Stable: at the same millisecond the output comes before the state change it led to. */
    private static final Comparator<LogLine> BY_TIME = Comparator.comparing(LogLine::time);

    private final CloudWatchLogsClient logs;
    private final String logGroup;
    private final Long startMillis;
    private final int pageSize;
    /** Each stream's forward token after the last poll; absent until the stream has been read once. */
    private final Map<String, String> tokens = new HashMap<>();
    /** Events read but stamped after their poll began: the next poll returns them (at most one poll's worth). */
    private final List<LogLine> held = new ArrayList<>();
    private String missing;

    /**
     * @param since    the earliest event to read; null for the whole run
     * @param pageSize events per GetLogEvents call, at most {@link #MAX_PAGE}
     */
    public RunLogs(CloudWatchLogsClient logs, String logGroup, Instant since, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw new IllegalArgumentException("page size " + pageSize + ": 1 to " + MAX_PAGE);
        }
        this.logs = logs;
        this.logGroup = logGroup;
        this.startMillis = since == null ? null : since.toEpochMilli();
        this.pageSize = pageSize;
    }

    public RunLogs(CloudWatchLogsClient logs, String logGroup, Instant since) {
        this(logs, logGroup, since, MAX_PAGE);
    }

    public String logGroup() {
        return logGroup;
    }

    /**
     * The events written since the last poll (from {@code since} on the first), oldest first. Blocks on AWS.
     * A stream or the group that does not exist yet reads as nothing new (see {@link #missing}).
     *
     * <p>The streams are read one after the other, so a line and the state change after it can be written between the
     * two reads: the state would come a poll before the line it followed. So an event stamped after this poll began
     * waits for the next poll, which releases it with everything stamped before it. (The instance's clock is kept by
     * the Amazon Time Sync Service; were it ahead, an event would wait one poll, never be lost or repeated.)
     */
    public List<LogLine> poll() {
        // Held events go out now, whatever the clocks say (one poll late at most), with all that was stamped before them.
        Instant began = Instant.now();
        Instant cutoff = held.stream().map(LogLine::time).filter(began::isBefore).max(Comparator.naturalOrder()).orElse(began);
        List<LogLine> lines = new ArrayList<>(held);
        held.clear();
        for (LogLine l : read()) {
            (l.time().isAfter(cutoff) ? held : lines).add(l);
        }
        lines.sort(BY_TIME);
        return lines;
    }

    /** Every event not returned yet, none held for the next poll: a one-off read, or the last one of a follow. */
    public List<LogLine> pollAll() {
        List<LogLine> lines = new ArrayList<>(held);
        held.clear();
        lines.addAll(read());
        lines.sort(BY_TIME);
        return lines;
    }

    private List<LogLine> read() {
        List<LogLine> lines = new ArrayList<>();
        missing = null;
        for (String stream : STREAMS) {
            read(stream, lines);
        }
        return lines;
    }

    /** After a poll: why nothing could be read ("the log group … does not exist yet"); empty once the run's stream exists. */
    public Optional<String> missing() {
        return Optional.ofNullable(missing);
    }

    private void read(String stream, List<LogLine> into) {
        GetLogEventsRequest.Builder request = GetLogEventsRequest.builder().logGroupName(logGroup).logStreamName(stream)
                .startFromHead(true).limit(pageSize);
        // The start time goes with every call: a token is a position among the events that the same start time selects.
        if (startMillis != null) {
            request.startTime(startMillis);
        }
        String token = tokens.get(stream);
        if (token != null) {
            request.nextToken(token);
        }
        try {
            for (GetLogEventsResponse page : logs.getLogEventsPaginator(request.build())) {
                for (OutputLogEvent e : page.events()) {
                    into.add(line(stream, e));
                }
                if (page.nextForwardToken() != null) {
                    tokens.put(stream, page.nextForwardToken());
                }
            }
        } catch (ResourceNotFoundException e) {
            // The instance creates the streams when it first writes; the launch creates the group.
            // (moto names the group for a missing stream too, so the message does not tell which is missing.)
            if (RunModel.RUN_STREAM.equals(stream)) {
                missing = "no output yet: " + logGroup + " or its stream '" + stream + "' does not exist yet";
            }
        }
    }

    private static LogLine line(String stream, OutputLogEvent e) {
        Instant time = Instant.ofEpochMilli(e.timestamp() == null ? 0 : e.timestamp());
        RunStateEvent state = RunModel.STATE_STREAM.equals(stream) ? RunStateEvent.parse(e.message(), time).orElse(null) : null;
        return new LogLine(time, stream, e.message(), state);
    }

    /** The run's latest state event: one call, the state stream's last event. Empty when the run has written none. */
    public static Optional<RunStateEvent> latestState(CloudWatchLogsClient logs, String logGroup) {
        try {
            List<OutputLogEvent> last = logs.getLogEvents(r -> r.logGroupName(logGroup).logStreamName(RunModel.STATE_STREAM)
                    .startFromHead(false).limit(1)).events();
            return last.isEmpty() ? Optional.empty()
                    : RunStateEvent.parse(last.get(last.size() - 1).message(), Instant.ofEpochMilli(last.get(last.size() - 1).timestamp()));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }
}
