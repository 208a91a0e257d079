package dev.hangar.provision;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/** Reads a run's log group by name: CloudWatch Logs finds groups only by prefix and tags them by ARN. */
public final class LogGroups {

    private LogGroups() {
    }

    /** The group of exactly this name; empty when there is none. */
    public static Optional<LogGroup> find(CloudWatchLogsClient logs, String name) {
        return logs.describeLogGroupsPaginator(r -> r.logGroupNamePrefix(name)).logGroups().stream()
                .filter(g -> g.logGroupName().equals(name)).findFirst();
    }

    /** Its tags; empty when the group does not exist. */
    public static Map<String, String> tags(CloudWatchLogsClient logs, String name) {
        return find(logs, name).map(g -> tags(logs, g)).orElse(Map.of());
    }

    public static Map<String, String> tags(CloudWatchLogsClient logs, LogGroup group) {
        return logs.listTagsForResource(r -> r.resourceArn(arnWithoutStreams(group))).tags();
    }

    /** Tagging takes the group's ARN without the {@code :*} that {@code arn} ends with; {@code logGroupArn} has none. */
    private static String arnWithoutStreams(LogGroup group) {
        if (group.logGroupArn() != null) {
            return group.logGroupArn();
        }
        String arn = group.arn();
        return arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
    }
}
