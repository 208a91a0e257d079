package dev.hangar.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spot request behind a persistent spot instance, which moto does not make: RunInstances with persistent
 * {@code InstanceMarketOptions} gets a {@code sir-} request ID on the instance (in its answer and in every later
 * DescribeInstances), and DescribeSpotInstanceRequests / CancelSpotInstanceRequests answer in EC2's wire format.
 */
final class Ec2SpotRequests {

    private static final Pattern INSTANCE_ID = Pattern.compile("<instanceId>(i-[0-9a-f]+)</instanceId>");
    private static final String XMLNS = "http://ec2.amazonaws.com/doc/2016-11-15/";

    /** instance ID to its request's ID, and request ID to its state. */
    private final Map<String, String> requestOf = new ConcurrentHashMap<>();
    private final Map<String, String> state = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    /** Our own answer, or null to let moto answer (then {@link #amend} it). */
    WireResponse answer(Call call) {
        if (!"ec2".equals(call.service())) {
            return null;
        }
        return switch (call.action()) {
            case "CancelSpotInstanceRequests" -> cancel(call);
            case "DescribeSpotInstanceRequests" -> describe();
            default -> null;
        };
    }

    /** Adds the request ID to the instances of a RunInstances or DescribeInstances answer. */
    WireResponse amend(Call call, WireResponse response) {
        if (!"ec2".equals(call.service()) || response.status() >= 300) {
            return response;
        }
        boolean persistentSpot = "RunInstances".equals(call.action()) && "spot".equals(call.param("InstanceMarketOptions.MarketType"))
                && "persistent".equals(call.param("InstanceMarketOptions.SpotOptions.SpotInstanceType"));
        if (!persistentSpot && !"DescribeInstances".equals(call.action())) {
            return response;
        }
        Matcher m = INSTANCE_ID.matcher(response.bodyAsString());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String instance = m.group(1);
            String request = persistentSpot ? requestOf.computeIfAbsent(instance, i -> newRequest()) : requestOf.get(instance);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group()
                    + (request == null ? "" : "<spotInstanceRequestId>" + request + "</spotInstanceRequestId>")));
        }
        m.appendTail(out);
        return new WireResponse(response.status(), response.headers(), out.toString().getBytes(StandardCharsets.UTF_8));
    }

    void clear() {
        requestOf.clear();
        state.clear();
    }

    private String newRequest() {
        String id = String.format("sir-%08x", next.incrementAndGet());
        state.put(id, "active");
        return id;
    }

    private WireResponse cancel(Call call) {
        StringBuilder items = new StringBuilder();
        for (int i = 1; call.param("SpotInstanceRequestId." + i) != null; i++) {
            String id = call.param("SpotInstanceRequestId." + i);
            if (!state.containsKey(id)) {
                return AwsErrors.render("ec2", 400, "InvalidSpotInstanceRequestID.NotFound", "The spot instance request ID '" + id + "' does not exist");
            }
            state.put(id, "cancelled");
            items.append("<item><spotInstanceRequestId>").append(id).append("</spotInstanceRequestId><state>cancelled</state></item>");
        }
        return WireResponse.of(200, "text/xml;charset=UTF-8", "<CancelSpotInstanceRequestsResponse xmlns=\"" + XMLNS + "\">"
                + "<requestId>spot-cancel</requestId><spotInstanceRequestSet>" + items + "</spotInstanceRequestSet>"
                + "</CancelSpotInstanceRequestsResponse>");
    }

    private WireResponse describe() {
        StringBuilder items = new StringBuilder();
        requestOf.forEach((instance, request) -> items.append("<item><spotInstanceRequestId>").append(request)
                .append("</spotInstanceRequestId><state>").append(state.get(request)).append("</state><type>persistent</type>")
                .append("<instanceInterruptionBehavior>stop</instanceInterruptionBehavior><instanceId>").append(instance)
                .append("</instanceId></item>"));
        return WireResponse.of(200, "text/xml;charset=UTF-8", "<DescribeSpotInstanceRequestsResponse xmlns=\"" + XMLNS + "\">"
                + "<requestId>spot-describe</requestId><spotInstanceRequestSet>" + items + "</spotInstanceRequestSet>"
                + "</DescribeSpotInstanceRequestsResponse>");
    }
}
