package dev.hangar.blueprint;

import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/**
 * A capacity reservation (On-Demand Capacity Reservation or Capacity Block for ML) as DescribeCapacityReservations
 * tells it, in the terms a launch is judged by ({@link ReservationFit}).
 *
 * @param reservationType {@code default} (On-Demand Capacity Reservation) or {@code capacity-block}
 * @param endDate         null when the reservation runs until it is cancelled
 */
public record CapacityReservation(String id, String state, String reservationType, String instanceType, String platform,
                                  String availabilityZone, String tenancy, int availableCount, int totalCount,
                                  Instant startDate, Instant endDate) {

    public static final String CAPACITY_BLOCK = "capacity-block";

    /** A Capacity Block is launched into with {@code InstanceMarketOptions.MarketType=capacity-block}. */
    public boolean capacityBlock() {
        return CAPACITY_BLOCK.equals(reservationType);
    }

    /** The reservation, or empty when the account has none of that ID in the client's region. */
    public static Optional<CapacityReservation> find(Ec2Client ec2, String id) {
        try {
            return ec2.describeCapacityReservations(r -> r.capacityReservationIds(id)).capacityReservations().stream()
                    .findFirst().map(CapacityReservation::of);
        } catch (Ec2Exception e) {
            if (AwsErrors.is(e, "InvalidCapacityReservationId.NotFound") || AwsErrors.is(e, "InvalidCapacityReservationId.Malformed")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static CapacityReservation of(software.amazon.awssdk.services.ec2.model.CapacityReservation r) {
        return new CapacityReservation(r.capacityReservationId(), r.stateAsString(), r.reservationTypeAsString(), r.instanceType(),
                r.instancePlatformAsString(), r.availabilityZone(), r.tenancyAsString(),
                r.availableInstanceCount() == null ? 0 : r.availableInstanceCount(),
                r.totalInstanceCount() == null ? 0 : r.totalInstanceCount(), r.startDate(), r.endDate());
    }
}
