package dev.hangar.catalog;

import java.util.List;

/**
 * A GPU instance type's hardware, as DescribeInstanceTypes reports it. Fractional-GPU types (g6f)
 * report a GPU count of 0: they get a slice of one GPU, whose memory is {@code gpuMemoryMiB}.
 */
public record GpuInstanceType(String name, String gpuManufacturer, String gpuModel, int gpuCount, int gpuMemoryMiB,
        int vcpus, long memoryMiB, List<String> architectures, boolean spot) {

    public GpuInstanceType {
        architectures = List.copyOf(architectures);
    }

    /** {@code g5} of {@code g5.xlarge}; {@code p6-b200} of {@code p6-b200.48xlarge}. */
    public String family() {
        return name.substring(0, name.indexOf('.'));
    }

    public boolean fractionalGpu() {
        return gpuCount == 0;
    }

    /** "1 × A10G", "8 × A100", or "part of an L4". */
    public String gpuSummary() {
        return fractionalGpu() ? "part of an " + gpuModel : gpuCount + " × " + gpuModel;
    }

    public double gpuMemoryGiB() {
        return gpuMemoryMiB / 1024.0;
    }

    public double memoryGiB() {
        return memoryMiB / 1024.0;
    }
}
