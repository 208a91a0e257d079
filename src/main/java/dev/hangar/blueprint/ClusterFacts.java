package dev.hangar.blueprint;

/**
 * What the account says about a cluster's parts, where it was asked; every field is null when not known (an offline
 * export), and {@link ClusterModel} then falls back to what it can know without AWS.
 *
 * @param efaSupported    the compute type's DescribeInstanceTypes {@code NetworkInfo.EfaSupported}
 * @param imageName       the spec image's name (DescribeImages): a ParallelCluster AMI is used as it is
 * @param imageOs         the spec image's operating system as the catalog reads it from the name, e.g. "Ubuntu 22.04"
 * @param reservationType the reservation's DescribeCapacityReservations {@code ReservationType}: "default" (an
 *                        On-Demand Capacity Reservation) or "capacity-block"
 * @param subnetId        the subnet the cluster goes into: the private subnet of Hangar's network, or the default VPC's
 *                        subnet for network public; the spec's {@code subnetId} wins over it
 */
public record ClusterFacts(Boolean efaSupported, String imageName, String imageOs, String reservationType, String subnetId) {

    public static final String CAPACITY_BLOCK = "capacity-block";

    /** Nothing known: an offline export. */
    public static final ClusterFacts UNKNOWN = new ClusterFacts(null, null, null, null, null);
}
