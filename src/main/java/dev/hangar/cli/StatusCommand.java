package dev.hangar.cli;

import dev.hangar.journal.JournalCorruptException;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.monitor.LiveStatus;
import dev.hangar.monitor.StatusReader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true, description = "List launches from the journal with their live state.")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand HangarCommand root;
    @Spec CommandSpec command;

    @Option(names = "--launch", paramLabel = "ID", description = "Only this launch")
    String launchId;

    @Option(names = "--json", description = "Print as JSON")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        try (Engine engine = new Engine(root.global, System.getenv())) {
            List<JournalCorruptException> corrupt = new ArrayList<>();
            List<LaunchRecord> launches = launchId == null ? engine.journal().list(corrupt)
                    : engine.journal().load(launchId).map(List::of).orElse(List.of());
            if (launchId != null && launches.isEmpty()) {
                err.println("--launch: no launch " + launchId + " in the journal at " + engine.journal().directory());
                return ExitCode.INVALID;
            }
            corrupt.forEach(e -> err.println("warning: " + e.getMessage()));
            Map<String, LiveStatus> live = readLive(engine, launches);
            List<Map<String, Object>> rows = launches.stream().map(r -> row(r, live.get(r.output("instanceId")))).toList();
            if (json) {
                out.println(Json.write(Map.of("launches", rows)));
            } else {
                printTable(out, rows);
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    /** One DescribeInstances and one DescribeInstanceStatus per region, for the launches that may still have an instance. */
    private static Map<String, LiveStatus> readLive(Engine engine, List<LaunchRecord> launches) {
        Map<String, List<String>> byRegion = launches.stream()
                .filter(r -> r.state().mayHoldResources() && r.output("instanceId") != null)
                .collect(Collectors.groupingBy(r -> r.spec().region(), Collectors.mapping(r -> r.output("instanceId"), Collectors.toList())));
        Map<String, LiveStatus> live = new HashMap<>();
        if (!byRegion.isEmpty()) {
            StatusReader reader = new StatusReader(engine.aws());
            byRegion.forEach((region, ids) -> live.putAll(reader.read(region, ids)));
        }
        return live;
    }

    private static Map<String, Object> row(LaunchRecord r, LiveStatus s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("launchId", r.launchId());
        row.put("name", r.spec().name());
        row.put("state", r.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        row.put("createdAt", r.createdAt());
        row.put("region", r.spec().region());
        row.put("availabilityZone", r.output("availabilityZone"));
        row.put("instanceId", r.output("instanceId"));
        row.put("instanceType", r.spec().instanceType());
        row.put("instanceState", s == null ? null : s.state());
        row.put("systemStatus", s == null ? null : s.systemStatus());
        row.put("instanceStatus", s == null ? null : s.instanceStatus());
        row.put("connect", r.output("connect"));
        row.put("message", r.message());
        return row;
    }

    private static void printTable(PrintWriter out, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            out.println("No launches in the journal.");
            return;
        }
        String format = "%-28s %-20s %-20s %-14s %-10s %-12s%n";
        out.printf(format, "LAUNCH", "STATE", "INSTANCE", "TYPE", "LIVE", "CHECKS");
        for (Map<String, Object> row : rows) {
            String checks = row.get("systemStatus") == null ? "-" : row.get("systemStatus") + "/" + row.get("instanceStatus");
            out.printf(format, row.get("launchId"), row.get("state"), dash(row.get("instanceId")), row.get("instanceType"),
                    dash(row.get("instanceState")), checks);
        }
    }

    private static Object dash(Object v) {
        return v == null ? "-" : v;
    }
}
