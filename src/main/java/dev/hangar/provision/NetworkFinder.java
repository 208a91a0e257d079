package dev.hangar.provision;

import dev.hangar.aws.AwsClients;
import dev.hangar.blueprint.LaunchTags;
import dev.hangar.journal.JournalCorruptException;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.LaunchState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/** Reads one region's {@link NetworkInventory}: one describe call per kind of part, one for the instances inside, and the journal. */
final class NetworkFinder {

    /** Every state but terminated: an instance shutting down still has its network interface in a subnet. */
    private static final List<String> NOT_TERMINATED = List.of("pending", "running", "shutting-down", "stopping", "stopped");

    private final AwsClients aws;
    private final JournalStore journal;
    private final String region;

    NetworkFinder(AwsClients aws, JournalStore journal, String region) {
        this.aws = aws;
        this.journal = journal;
        this.region = region;
    }

    NetworkInventory find() {
        Ec2Client ec2 = aws.ec2(region);
        Filter ours = NetworkTags.filter(region);
        List<Vpc> vpcs = ec2.describeVpcsPaginator(r -> r.filters(ours)).vpcs().stream()
                .filter(v -> NetworkTags.ours(v.tags(), region)).toList();
        List<Subnet> subnets = ec2.describeSubnetsPaginator(r -> r.filters(ours)).subnets().stream()
                .filter(s -> NetworkTags.ours(s.tags(), region)).toList();
        List<RouteTable> routeTables = ec2.describeRouteTablesPaginator(r -> r.filters(ours)).routeTables().stream()
                .filter(t -> NetworkTags.ours(t.tags(), region)).toList();
        List<InternetGateway> gateways = ec2.describeInternetGatewaysPaginator(r -> r.filters(ours)).internetGateways().stream()
                .filter(g -> NetworkTags.ours(g.tags(), region)).toList();
        List<NatGateway> nats = ec2.describeNatGatewaysPaginator(r -> r.filter(ours)).natGateways().stream()
                .filter(n -> NetworkTags.ours(n.tags(), region) && n.state() != NatGatewayState.DELETED).toList();
        List<Address> addresses = ec2.describeAddresses(r -> r.filters(ours)).addresses().stream()
                .filter(a -> NetworkTags.ours(a.tags(), region)).toList();
        List<VpcEndpoint> endpoints = ec2.describeVpcEndpointsPaginator(r -> r.filters(ours)).vpcEndpoints().stream()
                .filter(e -> NetworkTags.ours(e.tags(), region) && !gone(e.stateAsString())).toList();
        // The VPC's default group goes with the VPC and cannot be deleted on its own.
        List<SecurityGroup> groups = ec2.describeSecurityGroupsPaginator(r -> r.filters(ours)).securityGroups().stream()
                .filter(g -> NetworkTags.ours(g.tags(), region) && !"default".equals(g.groupName())).toList();

        Set<String> vpcIds = new LinkedHashSet<>();
        vpcs.forEach(v -> vpcIds.add(v.vpcId()));
        subnets.forEach(s -> vpcIds.add(s.vpcId()));
        List<NetworkInventory.InstanceInside> inside = vpcIds.isEmpty() ? List.of()
                : ec2.describeInstancesPaginator(r -> r.filters(Filter.builder().name("vpc-id").values(vpcIds).build(),
                                Filter.builder().name("instance-state-name").values(NOT_TERMINATED).build()))
                        .reservations().stream().flatMap(r -> r.instances().stream())
                        .map(i -> new NetworkInventory.InstanceInside(i.instanceId(), i.state().nameAsString(), i.subnetId(),
                                NetworkTags.value(i.tags(), LaunchTags.LAUNCH_ID), NetworkTags.value(i.tags(), LaunchTags.CREATED_BY)))
                        .toList();

        List<JournalCorruptException> corrupt = new ArrayList<>();
        List<NetworkInventory.LaunchUsing> launches = journal.list(corrupt).stream()
                .filter(this::usesThisNetwork)
                .map(l -> new NetworkInventory.LaunchUsing(l.launchId(), l.state(), l.state() == LaunchState.LAUNCHING && journal.isBusy(l.launchId())))
                .toList();
        List<String> damaged = corrupt.stream().map(e -> e.file().getFileName().toString().replaceFirst("\\.json$", "")).toList();
        return new NetworkInventory(region, vpcs, subnets, routeTables, gateways, nats, addresses, endpoints, groups, inside, launches, damaged);
    }

    /** Launching or launched in this region with Hangar's network (not an existing subnet, not public). */
    private boolean usesThisNetwork(LaunchRecord l) {
        return region.equals(l.spec().region()) && l.spec().usesHangarNetwork()
                && (l.state() == LaunchState.LAUNCHING || l.state() == LaunchState.SUCCEEDED);
    }

    /** AWS lists a deleted endpoint for a while; emulators spell states in either case. */
    private static boolean gone(String state) {
        return "deleted".equals(state == null ? "" : state.toLowerCase(Locale.ROOT));
    }
}
