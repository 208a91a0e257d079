package dev.hangar.blueprint;

import dev.hangar.spec.LaunchSpec;
import java.util.List;

/**
 * One idle-stop alarm, a CloudWatch metric-math alarm over the instance's CPU ({@code AWS/EC2 CPUUtilization}) and its
 * busiest GPU (the first-boot script's CloudWatch agent, {@code CWAgent nvidia_smi_utilization_gpu} aggregated per
 * instance, statistic Maximum, so one busy GPU keeps the machine up). The instance stops when {@link #expression} stays
 * under the threshold for the alarm's minutes. Missing data (a stopped instance) never counts as idle.
 *
 * <p>Two alarms make "idle" safe both ways: {@link #gpuAware} counts missing GPU data as busy, so a machine whose GPUs
 * may be working is never stopped; {@link #noGpuData} stops a machine whose GPUs report nothing at all (no NVIDIA
 * driver, agent not running) on CPU alone, after {@value #NO_GPU_DATA_FACTOR} times as long.
 *
 * @param minutes the idle minutes before the stop
 */
public record IdleAlarmModel(String name, String description, List<MetricQuery> metrics, String expression, int minutes,
                             int periodSeconds, int evaluationPeriods, double threshold, String comparisonOperator,
                             String treatMissingData, String actionArn) {

    /** One metric the expression reads, by its query ID; its dimension is always the instance's ID. */
    public record MetricQuery(String id, String namespace, String metricName, String stat) {
    }

    public static final double IDLE_PERCENT = 5;
    public static final String DIMENSION = "InstanceId";
    public static final String EXPRESSION_ID = "idle";
    public static final int NO_GPU_DATA_FACTOR = 3;
    /** CloudWatch evaluates at most seven days of one-hour periods. */
    static final int MAX_MINUTES = 7 * 24 * 60;

    public static final MetricQuery CPU = new MetricQuery("cpu", "AWS/EC2", "CPUUtilization", "Average");
    public static final MetricQuery BUSIEST_GPU = new MetricQuery("gpu", IamPolicies.AGENT_NAMESPACE, "nvidia_smi_utilization_gpu", "Maximum");

    public IdleAlarmModel {
        metrics = List.copyOf(metrics);
    }

    /** CPU and the busiest GPU both under the threshold; no GPU data counts as busy. Null when idle stop is off. */
    static IdleAlarmModel gpuAware(LaunchSpec spec, LaunchNames names) {
        int minutes = spec.idleStopMinutes();
        return minutes <= 0 ? null : of(spec, names.idleAlarmName(), "Hangar: stop " + names.launchId() + " after " + minutes
                + " minutes with CPU and every GPU under " + (int) IDLE_PERCENT + " %", "MAX([cpu, FILL(gpu, 100)])", minutes);
    }

    /** CPU under the threshold while no GPU reports anything, for three times as long. Null when idle stop is off. */
    static IdleAlarmModel noGpuData(LaunchSpec spec, LaunchNames names) {
        int minutes = Math.min(spec.idleStopMinutes() * NO_GPU_DATA_FACTOR, MAX_MINUTES);
        return minutes <= 0 ? null : of(spec, names.idleAlarmName() + "-no-gpu-data", "Hangar: stop " + names.launchId() + " after "
                + minutes + " minutes with CPU under " + (int) IDLE_PERCENT + " % while its GPUs report no data", "IF(FILL(gpu, -1) < 0, cpu, 100)", minutes);
    }

    private static IdleAlarmModel of(LaunchSpec spec, String name, String description, String expression, int minutes) {
        return new IdleAlarmModel(name, description, List.of(CPU, BUSIEST_GPU), expression, minutes, periodSeconds(minutes),
                evaluationPeriods(minutes), IDLE_PERCENT, "LessThanThreshold", "notBreaching",
                "arn:" + IamPolicies.partition(spec.region()) + ":automate:" + spec.region() + ":ec2:stop");
    }

    /** CloudWatch limits period × evaluation periods to one day for periods under an hour. */
    static int periodSeconds(int minutes) {
        return minutes <= 1440 ? 60 : 3600;
    }

    static int evaluationPeriods(int minutes) {
        return (int) Math.ceil(minutes * 60.0 / periodSeconds(minutes));
    }
}
