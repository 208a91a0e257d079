package dev.hangar.provision;

import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.Subnet;

/** The facts the steps of a launch hand on, each with the one step that produces it. */
public final class LaunchFacts {

    /** The image as AWS describes it: its root device (for the encrypted root volume) and its name (for the login user). */
    public record Image(String rootDeviceName, String name) {
    }

    /** The VPC the instance goes into and the subnets it may use. */
    public record Network(String vpcId, List<Subnet> subnets) {
        public Network {
            subnets = List.copyOf(subnets);
        }
    }

    /** A subnet the instance may start in, with its availability zone. */
    public record Placement(String subnetId, String availabilityZone) {
    }

    /** The subnets to try, in order. */
    public record Placements(List<Placement> candidates) {
        public Placements {
            candidates = List.copyOf(candidates);
        }
    }

    /** The zones that offer the spec's instance type. */
    public record OfferedZones(Set<String> zones) {
        public OfferedZones {
            zones = Set.copyOf(zones);
        }
    }

    /** The instance RunInstances started, and where. */
    public record PlacedInstance(String instanceId, String availabilityZone) {
    }

    /** The zones Hangar's network serves this launch in: those that offer the type (the spec's zone, if it pins one), sorted. */
    public record NetworkZones(List<String> zones) {
        public NetworkZones {
            zones = List.copyOf(zones);
        }
    }

    /** The route table of each zone's subnet the instance may use, in Hangar's network. */
    public record ZoneRouteTables(java.util.Map<String, String> byZone) {
        public ZoneRouteTables {
            byZone = java.util.Map.copyOf(byZone);
        }
    }

    public static final Fact<Image> IMAGE = Fact.of("image", Image.class);
    public static final Fact<Network> NETWORK = Fact.of("network", Network.class);
    public static final Fact<OfferedZones> OFFERED_ZONES = Fact.of("zones that offer the type", OfferedZones.class);
    public static final Fact<Placements> PLACEMENTS = Fact.of("placements", Placements.class);
    /** The VPC the launch's security group and instance go into: the default VPC, the given subnet's, or Hangar's. */
    public static final Fact<String> VPC_ID = Fact.of("VPC ID", String.class);
    public static final Fact<NetworkZones> NETWORK_ZONES = Fact.of("zones of Hangar's network", NetworkZones.class);
    public static final Fact<ZoneRouteTables> ZONE_ROUTE_TABLES = Fact.of("route tables of the instance's subnets", ZoneRouteTables.class);
    /** The public subnet the NAT gateway sits in. */
    public static final Fact<String> PUBLIC_SUBNET_ID = Fact.of("public subnet ID", String.class);
    public static final Fact<String> NAT_GATEWAY_ID = Fact.of("NAT gateway ID", String.class);
    public static final Fact<String> ENDPOINT_SECURITY_GROUP_ID = Fact.of("endpoint security group ID", String.class);
    public static final Fact<String> SECURITY_GROUP_ID = Fact.of("security group ID", String.class);
    /** The spec's capacity reservation, as EC2 describes it, when it names one. */
    public static final Fact<dev.hangar.blueprint.CapacityReservation> RESERVATION =
            Fact.of("capacity reservation", dev.hangar.blueprint.CapacityReservation.class);
    public static final Fact<PlacedInstance> INSTANCE = Fact.of("instance", PlacedInstance.class);
    public static final Fact<String> DATA_VOLUME_ID = Fact.of("data volume ID", String.class);

    private LaunchFacts() {
    }
}
