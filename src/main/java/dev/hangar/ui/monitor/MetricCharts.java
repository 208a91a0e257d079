package dev.hangar.ui.monitor;

import dev.hangar.monitor.InstanceMetric;
import dev.hangar.monitor.MetricWindow;
import dev.hangar.monitor.MonitoredInstance;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

/** The selected instance's charts: CPU, network, GPU utilisation and GPU memory, two by two. */
final class MetricCharts {

    static final String NO_GPU_METRICS = "No GPU metrics yet — the CloudWatch agent reports them a few minutes after start";

    private final MetricChart cpu;
    private final MetricChart network;
    private final MetricChart gpu;
    private final MetricChart gpuMemory;

    MetricCharts(GridPane grid, ZoneId zone) {
        cpu = new MetricChart("cpuChart", "CPU utilisation", true, false, zone);
        network = new MetricChart("networkChart", "Network", false, true, zone);
        gpu = new MetricChart("gpuChart", "GPU utilisation", true, false, zone);
        gpuMemory = new MetricChart("gpuMemoryChart", "GPU memory", true, true, zone);
        grid.add(cpu.node(), 0, 0);
        grid.add(network.node(), 1, 0);
        grid.add(gpu.node(), 0, 1);
        grid.add(gpuMemory.node(), 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(50);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(50);
            row.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(row);
        }
    }

    void show(MonitoredInstance i, MetricWindow window, Instant end) {
        String nothing = "No data in the last " + windowLabel(window) + (i.running() ? " yet: EC2 reports every minute" : ": the instance is "
                + MonitorFormats.state(i));
        cpu.show(List.of(new MetricChart.Line("CPU", i.series(InstanceMetric.CPU_UTILIZATION))), window, end, nothing);

        // CloudWatch sums bytes over each period; a rate reads the same whatever the window's period.
        double seconds = window.periodSeconds();
        double top = Math.max(max(i, InstanceMetric.NETWORK_IN), max(i, InstanceMetric.NETWORK_OUT)) / seconds;
        double unit = top >= 1e6 ? 1e6 : top >= 1e3 ? 1e3 : 1;
        network.setValueLabel(unit == 1e6 ? "MB/s" : unit == 1e3 ? "kB/s" : "B/s");
        network.show(List.of(new MetricChart.Line("In", i.series(InstanceMetric.NETWORK_IN), v -> v / seconds / unit),
                new MetricChart.Line("Out", i.series(InstanceMetric.NETWORK_OUT), v -> v / seconds / unit)), window, end, nothing);

        String noGpu = i.running() ? NO_GPU_METRICS : nothing;
        gpu.show(List.of(new MetricChart.Line("GPU", i.series(InstanceMetric.GPU_UTILIZATION))), window, end, noGpu);
        gpuMemory.show(List.of(new MetricChart.Line("Used", i.series(InstanceMetric.GPU_MEMORY_USED)),
                new MetricChart.Line("Activity", i.series(InstanceMetric.GPU_MEMORY_ACTIVITY))), window, end, noGpu);
    }

    void clear(String message) {
        for (MetricChart c : List.of(cpu, network, gpu, gpuMemory)) {
            c.clear(message);
        }
    }

    private static double max(MonitoredInstance i, InstanceMetric m) {
        return i.series(m).values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    static String windowLabel(MetricWindow w) {
        return w.label().replace("h", " h").toLowerCase(Locale.ROOT);
    }
}
