package dev.hangar.catalog;

/**
 * A region and how many GPU types it offers.
 *
 * @param gpuTypes {@link #UNKNOWN} when not known
 * @param source   where the count comes from: "cache" or the bundled snapshot's date
 */
public record RegionSummary(String region, int gpuTypes, String source) {

    /** The count of a region neither cached nor in the snapshot (a new region, or one opted in later). */
    public static final int UNKNOWN = -1;
}
