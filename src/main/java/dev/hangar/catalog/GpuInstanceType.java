package dev.hangar.catalog;

import java.util.List;

/** A GPU instance type's hardware, as DescribeInstanceTypes reports it. */
public record GpuInstanceType(String name, String gpuManufacturer, String gpuModel, int gpuCount, int gpuMemoryMiB,
        int vcpus, long memoryMiB, List<String> architectures, boolean spot) {

    public GpuInstanceType {
        architectures = List.copyOf(architectures);
    }

    /** {@code g5} of {@code g5.xlarge}; {@code p6-b200} of {@code p6-b200.48xlarge}. */
    public String family() {
        return name.substring(0, name.indexOf('.'));
    }

    public double gpuMemoryGiB() {
        return gpuMemoryMiB / 1024.0;
    }

    public double memoryGiB() {
        return memoryMiB / 1024.0;
    }
}
