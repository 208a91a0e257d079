package dev.hangar.monitor;

import dev.hangar.catalog.NetworkPrices;
import dev.hangar.provision.NetworkInventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * What Hangar's network costs while it stands, from what stands of it, at {@link NetworkPrices}' us-east-1 list prices:
 * each NAT gateway with its public IPv4 address, each interface endpoint in each zone it serves, and any Elastic IP
 * left without its NAT gateway. Traffic is charged per GB on top, which no listing can know in advance: said in words.
 *
 * @param perHour USD per hour
 * @param perGb   the per-GB charges in words, e.g. "plus $0.045 per GB through the NAT gateway"; empty when there are none
 */
public record NetworkCost(double perHour, String perGb) {

    public static NetworkCost of(NetworkInventory network) {
        int nats = network.standingNatGateways().size();
        double perHour = NetworkPrices.perHour(nats, 0, 0);
        List<VpcEndpoint> endpoints = network.standingInterfaceEndpoints();
        for (VpcEndpoint e : endpoints) {
            perHour += NetworkPrices.perHour(0, 1, e.subnetIds().size());
        }
        perHour += Math.max(0, network.elasticIps().size() - nats) * NetworkPrices.PUBLIC_IPV4_PER_HOUR;
        List<String> perGb = new ArrayList<>();
        if (nats > 0) {
            perGb.add(String.format(Locale.ROOT, "$%.3f per GB through the NAT gateway", NetworkPrices.NAT_GATEWAY_PER_GB));
        }
        if (!endpoints.isEmpty()) {
            perGb.add(String.format(Locale.ROOT, "$%.2f per GB through the interface endpoints", NetworkPrices.INTERFACE_ENDPOINT_PER_GB));
        }
        return new NetworkCost(perHour, perGb.isEmpty() ? "" : "plus " + String.join(" and ", perGb) + " (S3 through the gateway endpoint is free)");
    }

    /** e.g. "$0.050 per hour (about $36 per month)" */
    public String describe() {
        return String.format(Locale.ROOT, "$%.3f per hour (about $%.0f per month)", perHour, perHour * 730);
    }
}
