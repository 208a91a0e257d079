package dev.hangar.catalog;

/**
 * What Hangar's network costs while it stands, in USD at us-east-1's list prices (most commercial regions are within
 * about a third of these). A NAT gateway bills per hour and per GB it processes; an interface endpoint per zone per
 * hour and per GB. The S3 gateway endpoint, subnets, route tables, the VPC and the internet gateway cost nothing.
 */
public final class NetworkPrices {

    public static final double NAT_GATEWAY_PER_HOUR = 0.045;
    public static final double NAT_GATEWAY_PER_GB = 0.045;
    public static final double INTERFACE_ENDPOINT_PER_ZONE_HOUR = 0.01;
    public static final double INTERFACE_ENDPOINT_PER_GB = 0.01;
    /** An Elastic IP attached to a NAT gateway is a public IPv4 address: billed per hour since February 2024. */
    public static final double PUBLIC_IPV4_PER_HOUR = 0.005;

    private NetworkPrices() {
    }

    /**
     * @param natGateways        NAT gateways standing (each with its Elastic IP)
     * @param interfaceEndpoints interface endpoints standing
     * @param endpointZones      zones each interface endpoint has a network interface in
     */
    public static double perHour(int natGateways, int interfaceEndpoints, int endpointZones) {
        return natGateways * (NAT_GATEWAY_PER_HOUR + PUBLIC_IPV4_PER_HOUR)
                + interfaceEndpoints * Math.max(endpointZones, 1) * INTERFACE_ENDPOINT_PER_ZONE_HOUR;
    }
}
