package dev.hangar.provision;

import dev.hangar.aws.AwsClients;
import dev.hangar.blueprint.NetworkModel;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * Everything of Hangar's network in one region, found by its tag {@code hangar:network=<region>} (not by the journal:
 * the network outlives the launch that created it), and what uses it: the instances inside its VPC that are not
 * terminated (Hangar's and anyone else's), and the journal's launches in the region that use Hangar's network.
 * Parts already deleted (a NAT gateway or an endpoint AWS still lists as {@code deleted}) are left out.
 *
 * @param launches      the journal's launches in the region that use Hangar's network and are launching or launched
 * @param damagedLaunches launches whose journal file cannot be read: they may use the network too
 */
public record NetworkInventory(String region, List<Vpc> vpcs, List<Subnet> subnets, List<RouteTable> routeTables,
        List<InternetGateway> internetGateways, List<NatGateway> natGateways, List<Address> elasticIps, List<VpcEndpoint> endpoints,
        List<SecurityGroup> endpointSecurityGroups, List<InstanceInside> instances, List<LaunchUsing> launches,
        List<String> damagedLaunches) {

    /**
     * An instance in the network's VPC that is not terminated.
     *
     * @param launchId  its {@code hangar:launch-id} tag; null for an instance Hangar did not launch
     * @param createdBy its {@code hangar:created-by} tag; may be null
     */
    public record InstanceInside(String instanceId, String state, String subnetId, String launchId, String createdBy) {
        public boolean launchedByHangar() {
            return launchId != null;
        }

        /** e.g. "i-123 (running, launch llama-1a2b)" or "i-123 (stopped, not launched by Hangar)" */
        public String describe() {
            return instanceId + " (" + state + ", " + (launchedByHangar() ? "launch " + launchId : "not launched by Hangar") + ")";
        }
    }

    /**
     * A launch of the journal that uses Hangar's network in this region.
     *
     * @param busy another Hangar process holds its lock: it is being launched (or resumed) right now
     */
    public record LaunchUsing(String launchId, LaunchState state, boolean busy) {
    }

    /**
     * One part of the network for a listing.
     *
     * @param part   one of {@link NetworkModel}'s {@code PART_*} names
     * @param zone   null for parts that serve the whole region
     * @param state  as AWS reports it; null where AWS reports none (route tables, security groups)
     * @param detail what else tells it apart (an endpoint's service); may be empty
     */
    public record Part(String part, String id, String zone, String state, String detail) {
    }

    public NetworkInventory {
        vpcs = List.copyOf(vpcs);
        subnets = List.copyOf(subnets);
        routeTables = List.copyOf(routeTables);
        internetGateways = List.copyOf(internetGateways);
        natGateways = List.copyOf(natGateways);
        elasticIps = List.copyOf(elasticIps);
        endpoints = List.copyOf(endpoints);
        endpointSecurityGroups = List.copyOf(endpointSecurityGroups);
        instances = List.copyOf(instances);
        launches = List.copyOf(launches);
        damagedLaunches = List.copyOf(damagedLaunches);
    }

    /** Reads the region's network and its users: describe calls only, nothing changes. */
    public static NetworkInventory find(AwsClients aws, JournalStore journal, String region) {
        return new NetworkFinder(aws, journal, region).find();
    }

    /** No part of a network stands in the region. */
    public boolean isEmpty() {
        return parts().isEmpty();
    }

    /** Every part, in the order a listing reads best: the VPC, its subnets and route tables, gateways, endpoints. */
    public List<Part> parts() {
        List<Part> all = new ArrayList<>();
        vpcs.forEach(v -> all.add(new Part(NetworkModel.PART_VPC, v.vpcId(), null, v.stateAsString(), v.cidrBlock())));
        subnets.forEach(s -> all.add(new Part(NetworkTags.part(s.tags(), "subnet"), s.subnetId(), s.availabilityZone(), s.stateAsString(), s.cidrBlock())));
        routeTables.forEach(r -> all.add(new Part(NetworkTags.part(r.tags(), "route-table"), r.routeTableId(), NetworkTags.value(r.tags(), NetworkModel.ZONE_TAG), null, "")));
        internetGateways.forEach(g -> all.add(new Part(NetworkModel.PART_INTERNET_GATEWAY, g.internetGatewayId(), null,
                g.attachments().isEmpty() ? "detached" : "attached", "")));
        natGateways.forEach(n -> all.add(new Part(NetworkModel.PART_NAT_GATEWAY, n.natGatewayId(), zoneOfSubnet(n.subnetId()), n.stateAsString(), "")));
        elasticIps.forEach(a -> all.add(new Part(NetworkModel.PART_ELASTIC_IP, a.allocationId(), null,
                a.associationId() == null ? "unassociated" : "associated", a.publicIp())));
        endpoints.forEach(e -> all.add(new Part(e.vpcEndpointType() == VpcEndpointType.GATEWAY ? NetworkModel.PART_S3_ENDPOINT
                : NetworkModel.PART_INTERFACE_ENDPOINT, e.vpcEndpointId(), null, e.stateAsString(), e.serviceName())));
        endpointSecurityGroups.forEach(g -> all.add(new Part(NetworkModel.PART_ENDPOINT_SECURITY_GROUP, g.groupId(), null, null, g.groupName())));
        return all;
    }

    /** NAT gateways that bill: every one not failed or being deleted. */
    public List<NatGateway> standingNatGateways() {
        return natGateways.stream().filter(n -> n.state() == NatGatewayState.PENDING || n.state() == NatGatewayState.AVAILABLE).toList();
    }

    /** Interface endpoints that bill: every one not failed or being deleted. */
    public List<VpcEndpoint> standingInterfaceEndpoints() {
        return endpoints.stream().filter(e -> e.vpcEndpointType() == VpcEndpointType.INTERFACE)
                .filter(e -> List.of("available", "pending", "pendingacceptance").contains(e.stateAsString().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    /** It can serve {@code private} launches: a NAT gateway stands. */
    public boolean servesPrivate() {
        return !standingNatGateways().isEmpty();
    }

    /** It can serve {@code isolated} launches: interface endpoints stand. */
    public boolean servesIsolated() {
        return !standingInterfaceEndpoints().isEmpty();
    }

    /**
     * Why the network must not be removed even on request: instances inside (removing it would cut them off, and AWS
     * would refuse anyway), or a launch of this journal putting an instance there right now.
     */
    public Optional<String> whyNotRemovable() {
        if (!instances.isEmpty()) {
            return Optional.of(instancesInside());
        }
        List<String> launching = launches.stream().filter(l -> l.state() == LaunchState.LAUNCHING && l.busy()).map(LaunchUsing::launchId).toList();
        if (!launching.isEmpty()) {
            return Optional.of("launch " + String.join(", ", launching) + " is being launched into it right now");
        }
        return Optional.empty();
    }

    /**
     * Why the network is still in use, apart from launch {@code except} (the one being destroyed; null for none): instances
     * inside, launches of the journal launching or launched with Hangar's network in this region, or journal files too
     * damaged to tell. Empty: nothing uses it, so it may go without being asked for by name.
     */
    public Optional<String> whyInUse(String except) {
        List<String> why = new ArrayList<>();
        if (!instances.isEmpty()) {
            why.add(instancesInside());
        }
        List<String> users = launches.stream().filter(l -> !l.launchId().equals(except))
                .map(l -> l.launchId() + " (" + (l.state() == LaunchState.LAUNCHING ? "launching" : "launched") + ")").toList();
        if (!users.isEmpty()) {
            why.add("launch" + (users.size() == 1 ? " " : "es ") + String.join(", ", users) + " of this journal use" + (users.size() == 1 ? "s" : "") + " it");
        }
        if (!damagedLaunches.isEmpty()) {
            why.add("the journal file of launch " + String.join(", ", damagedLaunches) + " is damaged, so whether it uses the network cannot be told");
        }
        return why.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", why));
    }

    private String instancesInside() {
        return instances.size() + " instance" + (instances.size() == 1 ? " is" : "s are") + " inside: "
                + String.join(", ", instances.stream().map(InstanceInside::describe).toList());
    }

    private String zoneOfSubnet(String subnetId) {
        return subnets.stream().filter(s -> s.subnetId().equals(subnetId)).map(Subnet::availabilityZone).findFirst().orElse(null);
    }
}
