package dev.hangar.catalog;

import dev.hangar.spec.NetworkMode;
import java.util.List;
import java.util.Locale;

/**
 * What Hangar's shared network in a region costs while it stands, at {@link NetworkPrices}: a NAT gateway with its
 * Elastic IP (private), or interface endpoints in each zone they serve (isolated). The S3 gateway endpoint, subnets,
 * route tables, the VPC and the internet gateway are free. It is billed per hour whether the instance runs or not.
 *
 * @param mode               private or isolated
 * @param region             where the network stands
 * @param natGateways        1 for private, 0 for isolated
 * @param interfaceServices  the interface endpoints' services (ssm, ssmmessages, …); empty for private
 * @param endpointZones      zones the interface endpoints serve: the launch's own zone, 1
 */
public record NetworkCost(NetworkMode mode, String region, int natGateways, List<String> interfaceServices, int endpointZones) {

    public NetworkCost {
        interfaceServices = List.copyOf(interfaceServices);
    }

    public double perHour() {
        return NetworkPrices.perHour(natGateways, interfaceServices.size(), endpointZones);
    }

    /** What each GB through the NAT gateway (private) or the interface endpoints (isolated) adds. */
    public double perGb() {
        return natGateways > 0 ? NetworkPrices.NAT_GATEWAY_PER_GB : NetworkPrices.INTERFACE_ENDPOINT_PER_GB;
    }

    /** What a further zone adds per hour: interface endpoints are billed per zone; the NAT gateway serves every zone. */
    public double perExtraZoneHour() {
        return interfaceServices.size() * NetworkPrices.INTERFACE_ENDPOINT_PER_ZONE_HOUR;
    }

    /** Where the hourly figure comes from, e.g. "NAT gateway $0.045/h + its public IPv4 address $0.005/h". */
    public String breakdown() {
        if (natGateways > 0) {
            return String.format(Locale.ROOT, "NAT gateway $%.3f/h + its public IPv4 address $%.3f/h, plus $%.3f per GB it carries; "
                    + "S3 traffic skips it through the free S3 gateway endpoint", NetworkPrices.NAT_GATEWAY_PER_HOUR,
                    NetworkPrices.PUBLIC_IPV4_PER_HOUR, perGb());
        }
        return String.format(Locale.ROOT, "%d interface endpoints (%s) × %d zone%s × $%.3f/h, plus $%.3f per GB through them; "
                        + "the S3 gateway endpoint is free; each further zone a launch uses adds $%.3f/h",
                interfaceServices.size(), String.join(", ", interfaceServices), endpointZones, endpointZones == 1 ? "" : "s",
                NetworkPrices.INTERFACE_ENDPOINT_PER_ZONE_HOUR, perGb(), perExtraZoneHour());
    }

    /** Who pays it and for how long: shared, and standing until the last launch or an explicit destroy removes it. */
    public String sharing() {
        return "shared by every Hangar launch in " + region + ", billed while it stands, removed with the last launch or "
                + "`hangar network destroy`";
    }

    /** One line for the plan and the review, e.g. "Network (private): $0.050/h — NAT gateway …; shared by …". */
    public String summary() {
        return String.format(Locale.ROOT, "Network (%s): $%.3f/h — %s; %s.", mode.wireName(), perHour(), breakdown(), sharing());
    }
}
