package dev.hangar.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One line of a run's {@code state} stream: {@code {"state": "setting-up|running|succeeded|failed", "exitCode": N,
 * "time": "ISO-8601"}}, written on the instance at each change (the contract of {@link dev.hangar.blueprint.RunModel}).
 *
 * @param state    {@link #SETTING_UP}, {@link #RUNNING}, {@link #SUCCEEDED} or {@link #FAILED} (another word is kept as it is)
 * @param exitCode the command's (or the setup's) exit code once it ended; null before
 * @param time     when the state changed on the instance; the event's timestamp when the line carries none
 * @param reason   why the run failed before its command could start (no code, no data volume, no Mountpoint); else null
 */
public record RunStateEvent(String state, Integer exitCode, Instant time, String reason) {

    public RunStateEvent(String state, Integer exitCode, Instant time) {
        this(state, exitCode, time, null);
    }

    public static final String SETTING_UP = "setting-up";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Empty for a line that is not a state object (the stream is the instance's to write; a bad line is skipped, not fatal). */
    public static Optional<RunStateEvent> parse(String line, Instant eventTime) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject() || !node.path("state").isTextual()) {
                return Optional.empty();
            }
            JsonNode code = node.path("exitCode");
            Instant time = eventTime;
            if (node.path("time").isTextual()) {
                try {
                    time = Instant.parse(node.get("time").asText());
                } catch (DateTimeParseException e) {
                    // the event's own timestamp serves
                }
            }
            return Optional.of(new RunStateEvent(node.get("state").asText(), code.canConvertToInt() ? code.asInt() : null, time,
                    node.path("reason").isTextual() ? node.get("reason").asText() : null));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    public boolean ended() {
        return SUCCEEDED.equals(state) || FAILED.equals(state);
    }

    /** "setting up", "running", "succeeded", "failed (exit 3)", "failed: no code". */
    public String words() {
        return switch (state) {
            case SETTING_UP -> "setting up";
            case FAILED -> exitCode != null ? "failed (exit " + exitCode + ")" : reason != null ? "failed: " + reason : "failed";
            default -> state;
        };
    }
}
