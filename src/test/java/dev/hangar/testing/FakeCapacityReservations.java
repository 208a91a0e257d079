package dev.hangar.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The capacity reservations the local EC2 describes (moto 5.2.1 has no CreateCapacityReservation or
 * DescribeCapacityReservations): a test adds the reservation it needs, in whatever state, size and zone.
 * Empty before every test.
 */
public final class FakeCapacityReservations {

    /**
     * One reservation as DescribeCapacityReservations tells it.
     *
     * @param reservationType {@code default} or {@code capacity-block}
     * @param endDate         null for a reservation without an end
     */
    public record Reservation(String id, String instanceType, String platform, String availabilityZone, String tenancy,
                              int totalCount, int availableCount, String state, String reservationType,
                              Instant startDate, Instant endDate) {

        /** An active On-Demand Capacity Reservation for Linux, default tenancy, without an end. */
        public static Reservation active(String id, String instanceType, String zone, int total, int available) {
            return new Reservation(id, instanceType, "Linux/UNIX", zone, "default", total, available, "active", "default",
                    Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), null);
        }

        public Reservation withState(String newState) {
            return new Reservation(id, instanceType, platform, availabilityZone, tenancy, totalCount, availableCount, newState,
                    reservationType, startDate, endDate);
        }

        public Reservation withTenancy(String newTenancy) {
            return new Reservation(id, instanceType, platform, availabilityZone, newTenancy, totalCount, availableCount, state,
                    reservationType, startDate, endDate);
        }

        /** The same reservation as a Capacity Block for ML, from {@code start} to {@code end}. */
        public Reservation asCapacityBlock(Instant start, Instant end) {
            return new Reservation(id, instanceType, platform, availabilityZone, tenancy, totalCount, availableCount, state,
                    "capacity-block", start.truncatedTo(ChronoUnit.SECONDS), end.truncatedTo(ChronoUnit.SECONDS));
        }

        public Reservation endingAt(Instant end) {
            return new Reservation(id, instanceType, platform, availabilityZone, tenancy, totalCount, availableCount, state,
                    reservationType, startDate, end.truncatedTo(ChronoUnit.SECONDS));
        }
    }

    private final Map<String, Reservation> reservations = new LinkedHashMap<>();

    FakeCapacityReservations() {
    }

    public synchronized FakeCapacityReservations add(Reservation reservation) {
        reservations.put(reservation.id(), reservation);
        return this;
    }

    synchronized List<Reservation> all() {
        return new ArrayList<>(reservations.values());
    }

    synchronized void reset() {
        reservations.clear();
    }
}
