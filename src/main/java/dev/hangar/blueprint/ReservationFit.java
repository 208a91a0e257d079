package dev.hangar.blueprint;

import dev.hangar.spec.LaunchSpec;
import java.time.Instant;
import java.util.Locale;

/**
 * Whether a launch can go into its capacity reservation: the one judgement preflight shows and the launch enforces.
 *
 * @param verdict what it means for the launch
 * @param detail  plain words: what the reservation is, and what is wrong with it when something is
 */
public record ReservationFit(Verdict verdict, String detail) {

    public enum Verdict {
        /** The launch can use it now. */
        FITS,
        /** A Capacity Block that has not started: the launch can use it from its start time. */
        NOT_YET,
        /** Expired, cancelled, too small or for another type, platform, tenancy or zone. */
        UNUSABLE
    }

    /** What a plain Linux image launches as; a reservation for Windows or RHEL does not take it. */
    static final String LINUX = "Linux/UNIX";

    /**
     * @param found     the reservation, null when DescribeCapacityReservations did not find it
     * @param instances how many instances must fit in it: 1, or a cluster's nodes
     */
    public static ReservationFit judge(LaunchSpec spec, CapacityReservation found, int instances, Instant now) {
        String id = spec.capacityReservationId();
        if (found == null) {
            return unusable("capacityReservationId: " + id + " does not exist in " + spec.region() + " (or is not shared with this account)");
        }
        String kind = found.capacityBlock() ? "Capacity Block " + id : "capacity reservation " + id;
        String state = String.valueOf(found.state()).toLowerCase(Locale.ROOT);
        if (found.endDate() != null && !found.endDate().isAfter(now)) {
            return unusable("capacityReservationId: " + kind + " ended at " + found.endDate() + "; reserve new capacity or remove it");
        }
        if (!state.equals("active") && !(state.equals("scheduled") && found.capacityBlock())) {
            return unusable("capacityReservationId: " + kind + " is " + state + ", not active; only an active reservation (or a"
                    + " scheduled Capacity Block) takes instances");
        }
        if (!spec.instanceType().equals(found.instanceType())) {
            return unusable("instanceType: " + kind + " is for " + found.instanceType() + ", not " + spec.instanceType()
                    + "; set instanceType to " + found.instanceType());
        }
        if (!LINUX.equals(found.platform())) {
            return unusable("capacityReservationId: " + kind + " is for platform " + found.platform() + ", but Hangar launches "
                    + LINUX + " images");
        }
        if (spec.tenancy() != null && found.tenancy() != null && !spec.tenancy().wireName().equals(found.tenancy())) {
            return unusable("tenancy: " + kind + " has " + found.tenancy() + " tenancy, the spec asks for " + spec.tenancy().wireName()
                    + "; set tenancy to " + found.tenancy());
        }
        if (spec.availabilityZone() != null && !spec.availabilityZone().equals(found.availabilityZone())) {
            return unusable("availabilityZone: " + kind + " is in " + found.availabilityZone() + ", not " + spec.availabilityZone()
                    + "; the reservation fixes the zone: set availabilityZone to " + found.availabilityZone() + " or remove it");
        }
        int free = state.equals("scheduled") ? found.totalCount() : found.availableCount();
        if (free < instances) {
            return unusable("capacityReservationId: " + kind + " has room for " + free + " more " + found.instanceType()
                    + (free == 1 ? "" : "s") + " (of " + found.totalCount() + "), " + instances + " needed");
        }
        String what = kind + ": " + free + " of " + found.totalCount() + " " + found.instanceType() + " free in "
                + found.availabilityZone() + (found.endDate() == null ? "" : " until " + found.endDate());
        if (state.equals("scheduled")) {
            return new ReservationFit(Verdict.NOT_YET, what + "; it starts at " + found.startDate() + ", launch from then");
        }
        return new ReservationFit(Verdict.FITS, what);
    }

    private static ReservationFit unusable(String detail) {
        return new ReservationFit(Verdict.UNUSABLE, detail);
    }
}
