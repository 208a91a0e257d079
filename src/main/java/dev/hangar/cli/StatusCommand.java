package dev.hangar.cli;

import dev.hangar.checklist.Finding;
import dev.hangar.monitor.CostSoFar;
import dev.hangar.monitor.IdleAlarm;
import dev.hangar.monitor.InstanceMetric;
import dev.hangar.monitor.MetricSeries;
import dev.hangar.monitor.MetricWindow;
import dev.hangar.monitor.MonitorQuery;
import dev.hangar.monitor.MonitorSnapshot;
import dev.hangar.monitor.MonitoredInstance;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "List launches from the journal, and instances tagged hangar:launch-id that it lacks, with their live state, "
                + "status checks, uptime, cost so far, idle-stop alarm and drift from what was launched.")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand HangarCommand root;
    @Spec CommandSpec command;

    @Option(names = "--launch", paramLabel = "ID", description = "Only this launch")
    String launchId;

    @Option(names = "--json", description = "Print as JSON")
    boolean json;

    @Option(names = "--metrics", paramLabel = "WINDOW", converter = WindowConverter.class,
            description = "Include CPU, network and GPU series over the last 1h, 6h or 24h (with --json; the table shows the latest values)")
    MetricWindow metrics;

    @Option(names = "--region", paramLabel = "REGION", split = ",",
            description = "Also look for instances tagged hangar:launch-id in these regions (the journal's are always read)")
    Set<String> regions = Set.of();

    static final class WindowConverter implements picocli.CommandLine.ITypeConverter<MetricWindow> {
        @Override
        public MetricWindow convert(String value) {
            try {
                return MetricWindow.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        try (Engine engine = new Engine(root.global, System.getenv())) {
            if (launchId != null) {
                LaunchOption.record(engine.journal(), launchId, err);
            }
            MonitorSnapshot snapshot = engine.monitor().refresh(new MonitorQuery(regions, launchId, metrics));
            if (json) {
                out.println(Json.write(toJson(snapshot)));
            } else {
                printTable(out, snapshot);
            }
            out.flush();
            snapshot.problems().forEach(p -> err.println("warning: could not read " + p));
            // The other launches are listed; a file that cannot be read is an error all the same, named.
            snapshot.corruptJournal().forEach(e -> JournalProblems.reportCorrupt(err, e));
            err.flush();
            return snapshot.corruptJournal().isEmpty() && snapshot.problems().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
        }
    }

    /** The snapshot as {@code status --json} prints it: the monitor's data, field for field. */
    static Map<String, Object> toJson(MonitorSnapshot snapshot) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("takenAt", snapshot.takenAt());
        json.put("launches", snapshot.instances().stream().map(StatusCommand::row).toList());
        json.put("clusters", snapshot.clusters().stream().map(ClusterStatus::json).toList());
        MetricWindow window = snapshot.query().metrics();
        if (window != null) {
            json.put("metricsWindow", window.label());
            json.put("metricsPeriodSeconds", window.periodSeconds());
        }
        json.put("problems", snapshot.problems());
        return json;
    }

    static Map<String, Object> row(MonitoredInstance i) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("launchId", i.launchId());
        row.put("name", i.name());
        row.put("state", i.stateName());
        row.put("inJournal", i.inJournal());
        row.put("createdAt", i.createdAt());
        row.put("region", i.region());
        row.put("availabilityZone", i.availabilityZone());
        row.put("instanceId", i.instanceId());
        row.put("instanceType", i.instanceType());
        row.put("instanceState", i.instanceState());
        row.put("systemStatus", i.systemStatus());
        row.put("instanceStatus", i.instanceStatus());
        row.put("launchTime", i.launchTime());
        row.put("uptimeSeconds", i.uptime() == null ? null : i.uptime().toSeconds());
        row.put("publicIp", i.publicIp());
        row.put("privateIp", i.privateIp());
        row.put("connect", i.connect());
        row.put("message", i.message());
        row.put("cost", i.cost() == null ? null : cost(i.cost()));
        row.put("idleAlarm", i.idleAlarm() == null ? null : alarm(i.idleAlarm()));
        row.put("drift", i.drift().stream().map(StatusCommand::finding).toList());
        if (!i.metrics().isEmpty()) {
            Map<String, Object> series = new LinkedHashMap<>();
            i.metrics().forEach((metric, s) -> series.put(metric.key(), series(metric, s)));
            row.put("metrics", series);
        }
        return row;
    }

    static Map<String, Object> cost(CostSoFar c) {
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("currency", "USD");
        cost.put("total", c.total());
        cost.put("compute", c.compute());
        cost.put("computeNote", "since the instance's last start, at the on-demand price");
        cost.put("computeSince", c.computeSince());
        cost.put("computeUntil", c.computeUntil());
        cost.put("computeHours", c.computeHours());
        cost.put("pricePerHour", c.pricePerHour());
        cost.put("priceSource", c.priceSource());
        cost.put("storage", c.storage());
        cost.put("storageGiB", c.storageGiB());
        cost.put("storageSince", c.storageSince());
        return cost;
    }

    private static Map<String, Object> alarm(IdleAlarm a) {
        Map<String, Object> alarm = new LinkedHashMap<>();
        alarm.put("name", a.name());
        alarm.put("state", a.state());
        alarm.put("signal", a.signal());
        alarm.put("reason", a.reason());
        alarm.put("updatedAt", a.updatedAt());
        return alarm;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> finding = new LinkedHashMap<>();
        finding.put("ruleId", f.ruleId());
        finding.put("title", f.title());
        finding.put("check", f.check());
        finding.put("severity", f.severity().wireName());
        finding.put("status", f.status().name());
        finding.put("controls", f.controls());
        finding.put("detail", f.detail());
        finding.put("fix", f.fix() == null ? null : f.fix().description());
        return finding;
    }

    private static Map<String, Object> series(InstanceMetric metric, MetricSeries s) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("unit", metric.unit());
        series.put("timestamps", s.timestamps());
        series.put("values", s.values());
        return series;
    }

    private static void printTable(PrintWriter out, MonitorSnapshot snapshot) {
        List<MonitoredInstance> rows = snapshot.instances();
        if (rows.isEmpty()) {
            out.println("No launches in the journal" + (snapshot.query().regions().isEmpty() ? "." : ", and no tagged instance in "
                    + String.join(", ", snapshot.query().regions()) + "."));
            ClusterStatus.print(out, snapshot.clusters());
            return;
        }
        String format = "%-28s %-18s %-20s %-13s %-10s %-16s %-8s %-9s %-10s %s%n";
        out.printf(format, "LAUNCH", "STATE", "INSTANCE", "TYPE", "LIVE", "CHECKS", "UPTIME", "COST", "IDLE-STOP", "DRIFT");
        for (MonitoredInstance i : rows) {
            String checks = i.systemStatus() == null ? "-"
                    : i.systemStatus().equals(i.instanceStatus()) ? i.systemStatus() : i.systemStatus() + "/" + i.instanceStatus();
            String cost = i.cost() == null || i.cost().total() == null ? "-" : String.format("$%.2f", i.cost().total());
            out.printf(format, i.launchId(), i.stateName(), dash(i.instanceId()), dash(i.instanceType()), dash(i.instanceState()), checks,
                    i.uptime() == null ? "-" : duration(i.uptime()), cost, i.idleAlarm() == null ? "-" : i.idleAlarm().state(),
                    i.drift().isEmpty() ? (i.running() ? "none" : "-") : i.drift().size() + " finding(s)");
        }
        for (MonitoredInstance i : rows) {
            for (Finding f : i.drift()) {
                out.println("drift " + i.launchId() + " " + f.status() + " " + f.ruleId() + " " + f.controls() + ": " + f.detail());
                out.println("  fix: " + f.fix().description());
            }
            if (!i.metrics().isEmpty()) {
                StringBuilder latest = new StringBuilder("metrics " + i.launchId() + " (latest of " + snapshot.query().metrics().label() + "):");
                i.metrics().forEach((metric, s) -> latest.append(' ').append(metric.key()).append('=')
                        .append(s.latest() == null ? "-" : String.format("%.1f", s.latest())));
                out.println(latest);
            }
        }
        ClusterStatus.print(out, snapshot.clusters());
        out.println("Cost so far: compute since each instance's last start at on-demand prices, plus gp3 storage since the launch.");
    }

    static String duration(Duration d) {
        long minutes = d.toMinutes();
        return minutes >= 24 * 60 ? minutes / (24 * 60) + "d" + (minutes / 60) % 24 + "h" : minutes / 60 + "h" + String.format("%02dm", minutes % 60);
    }

    private static Object dash(Object v) {
        return v == null ? "-" : v;
    }
}
