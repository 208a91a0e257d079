package dev.hangar.monitor;

/**
 * The series the monitor charts for each instance. CPU and network come from EC2 itself; the GPU
 * series from the CloudWatch agent Hangar's user data installs (namespace {@code CWAgent}), so they
 * are empty on an image without NVIDIA drivers, or in the minutes before the agent starts.
 */
public enum InstanceMetric {
    /** Percent, the average over each period. */
    CPU_UTILIZATION("cpuUtilization", "Percent"),
    /** Bytes received in each period (the sum over the period, not a rate). */
    NETWORK_IN("networkIn", "Bytes"),
    /** Bytes sent in each period (the sum over the period, not a rate). */
    NETWORK_OUT("networkOut", "Bytes"),
    /** Percent of time a kernel ran on the GPU, averaged over the instance's GPUs. */
    GPU_UTILIZATION("gpuUtilization", "Percent"),
    /** Percent of GPU memory in use: {@code nvidia_smi_memory_used / nvidia_smi_memory_total} at each timestamp. */
    GPU_MEMORY_USED("gpuMemoryUsed", "Percent"),
    /**
     * Percent of time GPU memory was read or written ({@code nvidia_smi_utilization_memory}): memory
     * bandwidth activity, not how full it is.
     */
    GPU_MEMORY_ACTIVITY("gpuMemoryActivity", "Percent");

    private final String key;
    private final String unit;

    InstanceMetric(String key, String unit) {
        this.key = key;
        this.unit = unit;
    }

    /** The camelCase name used in JSON ({@code status --json}). */
    public String key() {
        return key;
    }

    /** {@code Percent} or {@code Bytes}, as CloudWatch names units. */
    public String unit() {
        return unit;
    }

    public boolean fromGpuAgent() {
        return this == GPU_UTILIZATION || this == GPU_MEMORY_USED || this == GPU_MEMORY_ACTIVITY;
    }
}
