package dev.hangar.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * EC2 DescribeCapacityReservations (Query protocol, XML answer) from {@link FakeCapacityReservations}: moto 5.2.1
 * does not know capacity reservations. An ID that is not there answers {@code InvalidCapacityReservationId.NotFound}, as EC2 does.
 */
final class CapacityReservationsApi implements LocalApi {

    private static final String XMLNS = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private final FakeCapacityReservations reservations;

    CapacityReservationsApi(FakeCapacityReservations reservations) {
        this.reservations = reservations;
    }

    @Override
    public WireResponse answer(Call call, WireRequest request) {
        if (!"ec2".equals(call.service()) || !"DescribeCapacityReservations".equals(call.action())) {
            return null;
        }
        List<String> asked = new ArrayList<>();
        for (int i = 1; call.param("CapacityReservationId." + i) != null; i++) {
            asked.add(call.param("CapacityReservationId." + i));
        }
        List<FakeCapacityReservations.Reservation> found = reservations.all().stream()
                .filter(r -> asked.isEmpty() || asked.contains(r.id())).toList();
        for (String id : asked) {
            if (found.stream().noneMatch(r -> r.id().equals(id))) {
                return AwsErrors.render("ec2", 400, "InvalidCapacityReservationId.NotFound",
                        "The capacity reservation ID '" + id + "' does not exist");
            }
        }
        StringBuilder items = new StringBuilder();
        found.forEach(r -> items.append(item(r, call.region())));
        return WireResponse.of(200, "text/xml;charset=UTF-8", "<DescribeCapacityReservationsResponse xmlns=\"" + XMLNS + "\">"
                + "<requestId>capacity-reservations</requestId><capacityReservationSet>" + items + "</capacityReservationSet>"
                + "</DescribeCapacityReservationsResponse>");
    }

    private static String item(FakeCapacityReservations.Reservation r, String region) {
        return "<item>" + element("capacityReservationId", r.id())
                + element("capacityReservationArn", "arn:aws:ec2:" + region + ":" + LocalAws.ACCOUNT_ID + ":capacity-reservation/" + r.id())
                + element("ownerId", LocalAws.ACCOUNT_ID)
                + element("instanceType", r.instanceType()) + element("instancePlatform", r.platform())
                + element("availabilityZone", r.availabilityZone()) + element("tenancy", r.tenancy())
                + element("totalInstanceCount", String.valueOf(r.totalCount()))
                + element("availableInstanceCount", String.valueOf(r.availableCount()))
                + element("state", r.state()) + element("reservationType", r.reservationType())
                + element("instanceMatchCriteria", "targeted")
                + (r.startDate() == null ? "" : element("startDate", r.startDate().toString()))
                + (r.endDate() == null ? element("endDateType", "unlimited")
                        : element("endDateType", "limited") + element("endDate", r.endDate().toString()))
                + "</item>";
    }

    private static String element(String name, String value) {
        return "<" + name + ">" + value + "</" + name + ">";
    }
}
