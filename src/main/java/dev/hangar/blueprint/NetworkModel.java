package dev.hangar.blueprint;

import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.NetworkMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hangar's own network in a region, shared by every launch there that asks for {@code private} or {@code isolated}:
 * one VPC ({@link #VPC_CIDR}, DNS support and hostnames on), and per availability zone a private subnet (out through
 * the NAT gateway), an isolated subnet (no route out; AWS through interface endpoints) and, in the NAT's zone only, a
 * public subnet for the NAT. The S3 gateway endpoint sits on the private and the isolated route tables in every mode.
 * Every part carries {@link #TAG}={@code <region>} and {@link #PART_TAG}; later launches find the network by those tags
 * and add what their mode or zone still lacks.
 *
 * @param mode the launch's mode: what the network must have for it (never {@code PUBLIC})
 * @param tags the tags every part carries: Name is set per part
 */
public record NetworkModel(NetworkMode mode, String region, Map<String, String> tags) {

    /** Value: the region. Marks a resource as part of Hangar's shared network (instead of a launch id). */
    public static final String TAG = "hangar:network";
    /** Which part of the network a resource is: one of the {@code PART_*} values. */
    public static final String PART_TAG = "hangar:network-part";
    /** The availability zone a subnet or its route table serves. */
    public static final String ZONE_TAG = "hangar:network-zone";

    public static final String PART_VPC = "vpc";
    public static final String PART_PRIVATE_SUBNET = "private-subnet";
    public static final String PART_ISOLATED_SUBNET = "isolated-subnet";
    public static final String PART_PUBLIC_SUBNET = "public-subnet";
    public static final String PART_PRIVATE_ROUTES = "private-route-table";
    public static final String PART_ISOLATED_ROUTES = "isolated-route-table";
    public static final String PART_PUBLIC_ROUTES = "public-route-table";
    public static final String PART_INTERNET_GATEWAY = "internet-gateway";
    public static final String PART_NAT_GATEWAY = "nat-gateway";
    public static final String PART_ELASTIC_IP = "elastic-ip";
    public static final String PART_S3_ENDPOINT = "s3-endpoint";
    public static final String PART_INTERFACE_ENDPOINT = "interface-endpoint";
    public static final String PART_ENDPOINT_SECURITY_GROUP = "endpoint-security-group";

    /** Clear of the default VPC (172.31/16) and of the 10.0/16 most tutorials use, so peering stays possible. */
    public static final String VPC_CIDR = "10.213.0.0/16";

    /** What Session Manager, the CloudWatch agent and its logs need when there is no way out but endpoints. */
    public static final List<String> INTERFACE_SERVICES = List.of("ssm", "ssmmessages", "ec2messages", "monitoring", "logs");

    public NetworkModel {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** Null when the launch uses an existing subnet or the default VPC ({@code public}). */
    static NetworkModel of(LaunchSpec spec, String createdBy) {
        if (!spec.usesHangarNetwork() || spec.network() == null) {
            return null;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(TAG, spec.region());
        if (createdBy != null) {
            tags.put(LaunchTags.CREATED_BY, createdBy);
        }
        return new NetworkModel(spec.network(), spec.region(), tags);
    }

    /** A NAT gateway (and the internet gateway and public subnet it needs) is part of what this mode requires. */
    public boolean needsNat() {
        return mode == NetworkMode.PRIVATE;
    }

    /** The interface endpoints this mode requires; empty for private, which reaches AWS through the NAT. */
    public List<String> interfaceServices() {
        return mode == NetworkMode.ISOLATED ? INTERFACE_SERVICES : List.of();
    }

    /** The subnet part an instance of this mode goes into. */
    public String instanceSubnetPart() {
        return mode == NetworkMode.ISOLATED ? PART_ISOLATED_SUBNET : PART_PRIVATE_SUBNET;
    }

    /** e.g. com.amazonaws.us-east-1.ssm */
    public String serviceName(String service) {
        return "com.amazonaws." + region + "." + service;
    }

    /** Per zone a..h: a private /20 from 10.213.0.0, an isolated /21 from 10.213.128.0, a public /24 from 10.213.192.0. */
    public String subnetCidr(String part, String zone) {
        int index = zoneIndex(zone);
        return switch (part) {
            case PART_PRIVATE_SUBNET -> "10.213." + (index * 16) + ".0/20";
            case PART_ISOLATED_SUBNET -> "10.213." + (128 + index * 8) + ".0/21";
            case PART_PUBLIC_SUBNET -> "10.213." + (192 + index) + ".0/24";
            default -> throw new IllegalArgumentException("not a subnet part: " + part);
        };
    }

    /** The Name tag of a part, e.g. hangar-network-private-subnet-us-east-1a. */
    public static String name(String part, String zone) {
        return "hangar-network-" + part + (zone == null ? "" : "-" + zone);
    }

    /** us-east-1a is 0, us-east-1b is 1, …; only a region's ordinary zones (their names end in a letter a–h). */
    static int zoneIndex(String zone) {
        char last = zone == null || zone.isEmpty() ? '?' : zone.charAt(zone.length() - 1);
        if (last < 'a' || last > 'h') {
            throw new IllegalArgumentException("Hangar's network covers a region's availability zones a to h, not " + zone);
        }
        return last - 'a';
    }
}
