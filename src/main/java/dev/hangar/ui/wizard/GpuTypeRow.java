package dev.hangar.ui.wizard;

import dev.hangar.catalog.GpuOffer;
import dev.hangar.catalog.QuotaHeadroom.Headroom;

/**
 * One row of the GPU type table: an offer and its family's quota headroom (null when unknown).
 * Accessors return what the columns show and sort by.
 */
record GpuTypeRow(GpuOffer offer, Headroom headroom) {

    String name() {
        return offer.type().name();
    }

    String gpuModel() {
        var t = offer.type();
        return (t.gpuManufacturer() == null ? "" : t.gpuManufacturer() + " ") + t.gpuModel();
    }

    /** Fractional GPUs (g6f) count as 0. */
    int gpuCount() {
        return offer.type().gpuCount();
    }

    /** Across all the type's GPUs: the catalog stores the total (DescribeInstanceTypes' TotalGpuMemoryInMiB). */
    double gpuMemoryGiB() {
        return offer.type().gpuMemoryGiB();
    }

    /** One GPU's memory (a fractional GPU's slice): what decides whether a model fits on a GPU. */
    double gpuMemoryPerGpuGiB() {
        int count = offer.type().gpuCount();
        return count <= 1 ? gpuMemoryGiB() : gpuMemoryGiB() / count;
    }

    int vcpus() {
        return offer.type().vcpus();
    }

    double memoryGiB() {
        return offer.type().memoryGiB();
    }

    /** Null when the price is unknown; sorts last. */
    Double pricePerHour() {
        return offer.pricePerHour();
    }

    String zones() {
        return offer.zones().stream().map(z -> z.substring(z.length() - 1)).reduce((a, b) -> a + " " + b)
                .map(s -> offer.zones().size() + " (" + s + ")").orElse("none");
    }

    /** vCPUs still free under the family's quota; -1 when unknown. */
    int freeVcpus() {
        return headroom == null ? -1 : headroom.free();
    }

    boolean fitsQuota() {
        return headroom == null || headroom.free() >= vcpus();
    }

    String headroomText() {
        if (headroom == null) {
            return "unknown";
        }
        return headroom.free() + " vCPU free" + (fitsQuota() ? "" : " — too few");
    }

    boolean matches(String token) {
        return name().contains(token) || gpuModel().toLowerCase(java.util.Locale.ROOT).contains(token)
                || (token.endsWith("gb") && matchesMemory(token.substring(0, token.length() - 2)));
    }

    /**
     * "24gb" finds types with at least 24 GB per GPU. GPUs are sold by decimal GB while AWS reports MiB: an A10G's
     * "24 GB" is 22,888 MiB (22.4 GiB, 24.0 GB), a T4's "16 GB" 16,384 MiB; either reading reaching the number counts.
     */
    private boolean matchesMemory(String number) {
        try {
            double wanted = Double.parseDouble(number);
            double gb = gpuMemoryPerGpuGiB() * 1024 * 1024 * 1024 / 1e9;
            return gb + 0.05 >= wanted;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
