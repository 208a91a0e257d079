package dev.hangar.provision.steps;

import static dev.hangar.provision.steps.StepIds.*;

import dev.hangar.blueprint.AwsErrors;
import dev.hangar.blueprint.NetworkModel;
import dev.hangar.blueprint.StepFailedException;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.ResourceKind;
import dev.hangar.provision.Fact;
import dev.hangar.provision.LaunchContext;
import dev.hangar.provision.LaunchFacts;
import dev.hangar.provision.LaunchFacts.Placement;
import dev.hangar.provision.NetworkLock;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.NetworkMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.ec2.model.VpcState;

/**
 * Hangar's own network in the region ({@link NetworkModel}), found by its tags or created, as steps of the launch that
 * needs it. The instance waits only for the VPC and its zone's subnet; the internet gateway, the NAT gateway and its
 * routes, and the endpoints are made side by side with IAM and the security group, and nothing waits for them to become
 * available but the route to the NAT gateway. Each find-or-create holds the region's {@link NetworkLock}, so two
 * launches from one home make one network; a later launch adds only what its mode or zones still lack.
 */
final class NetworkSteps {

    static final String ANYWHERE = "0.0.0.0/0";
    /** Journal outputs that let a resumed launch skip a finished network step. */
    static final String VPC_OUTPUT = "networkVpcId";
    static final String SUBNETS_OUTPUT = "networkSubnets";
    static final String PUBLIC_SUBNET_OUTPUT = "networkPublicSubnetId";
    static final String NAT_OUTPUT = "networkNatGatewayId";
    static final String ENDPOINT_GROUP_OUTPUT = "networkEndpointSecurityGroupId";

    private NetworkSteps() {
    }

    private static String routesPart(NetworkModel model) {
        return model.mode() == NetworkMode.ISOLATED ? NetworkModel.PART_ISOLATED_ROUTES : NetworkModel.PART_PRIVATE_ROUTES;
    }

    /** The zones the network serves this launch in: no call, the zones that offer the type (and the spec's zone if it pins one). */
    static final class ChooseZones extends InputChecks.Check {
        ChooseZones() {
            super(CHOOSE_NETWORK_ZONES, "Choose the zones of Hangar's network", List.of(CHECK_OFFERING));
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            LaunchSpec spec = ctx.spec();
            NetworkModel model = ctx.blueprint().network();
            Set<String> offered = ctx.facts().get(LaunchFacts.OFFERED_ZONES).zones();
            List<String> zones = offered.stream().filter(z -> spec.availabilityZone() == null || z.equals(spec.availabilityZone()))
                    .filter(z -> covers(model, z)).sorted().toList();
            if (zones.isEmpty()) {
                String field = spec.availabilityZone() != null ? "availabilityZone" : "instanceType";
                String where = spec.availabilityZone() != null ? "zone " + spec.availabilityZone() : "a zone Hangar's network covers (a to h)";
                throw new StepFailedException(field + ": " + spec.instanceType() + " is not offered in " + where
                        + "; it is offered in " + offered.stream().sorted().collect(Collectors.joining(", ")));
            }
            ctx.facts().put(LaunchFacts.NETWORK_ZONES, new LaunchFacts.NetworkZones(zones));
            return String.join(", ", zones);
        }

        private static boolean covers(NetworkModel model, String zone) {
            try {
                model.subnetCidr(NetworkModel.PART_PRIVATE_SUBNET, zone);
                return true;
            } catch (IllegalArgumentException e) {
                return false; // a Local Zone or Wavelength zone
            }
        }

        @Override
        public List<Fact<?>> reads() {
            return List.of(LaunchFacts.OFFERED_ZONES);
        }

        @Override
        public List<Fact<?>> produces() {
            return List.of(LaunchFacts.NETWORK_ZONES);
        }
    }

    /** The VPC with DNS support and hostnames (interface endpoints' private DNS needs both), its default group left with no rule. */
    static final class Vpc extends BaseStep {
        Vpc(String region, List<String> checks) {
            super(CREATE_NETWORK_VPC, "Find or create Hangar's network in " + region + " (VPC " + NetworkModel.VPC_CIDR + ")", checks);
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            NetworkParts parts = new NetworkParts(ctx, id());
            String name = NetworkParts.name(NetworkModel.PART_VPC, null);
            boolean created;
            String vpcId;
            try (NetworkLock lock = parts.lock(NetworkLock.Part.VPC)) {
                Optional<String> found = parts.vpc().map(software.amazon.awssdk.services.ec2.model.Vpc::vpcId);
                created = found.isEmpty();
                vpcId = parts.ensure(ResourceKind.NETWORK_VPC, name, found, () -> parts.createUntagged(ec2 -> ec2.createVpc(r -> r
                        .cidrBlock(NetworkModel.VPC_CIDR).tagSpecifications(parts.tags(ResourceType.VPC, NetworkModel.PART_VPC, null, name)))
                        .vpc().vpcId(), () -> parts.vpc().map(software.amazon.awssdk.services.ec2.model.Vpc::vpcId)));
            }
            if (created) {
                ctx.waits().until("VPC " + vpcId + " to become available", ctx.waits().pacing().cleanupTimeout(), () -> parts.ec2()
                        .describeVpcs(r -> r.vpcIds(vpcId)).vpcs().stream().anyMatch(v -> v.state() == VpcState.AVAILABLE), s -> { });
            }
            // Checked on every launch, not only the one that creates the VPC: a launch killed right after CreateVpc left them undone.
            enableDns(parts, vpcId);
            emptyDefaultGroup(parts, vpcId);
            ctx.facts().put(LaunchFacts.VPC_ID, vpcId);
            ctx.journal().output(VPC_OUTPUT, vpcId);
            return vpcId + (created ? " created" : " found");
        }

        private static void enableDns(NetworkParts parts, String vpcId) {
            for (VpcAttributeName attribute : List.of(VpcAttributeName.ENABLE_DNS_SUPPORT, VpcAttributeName.ENABLE_DNS_HOSTNAMES)) {
                var now = parts.ec2().describeVpcAttribute(r -> r.vpcId(vpcId).attribute(attribute));
                AttributeBooleanValue value = attribute == VpcAttributeName.ENABLE_DNS_SUPPORT ? now.enableDnsSupport() : now.enableDnsHostnames();
                if (value == null || !Boolean.TRUE.equals(value.value())) {
                    // One attribute per call, as EC2 requires.
                    AttributeBooleanValue on = AttributeBooleanValue.builder().value(true).build();
                    parts.ec2().modifyVpcAttribute(r -> {
                        r.vpcId(vpcId);
                        if (attribute == VpcAttributeName.ENABLE_DNS_SUPPORT) {
                            r.enableDnsSupport(on);
                        } else {
                            r.enableDnsHostnames(on);
                        }
                    });
                }
            }
        }

        /** AWS gives every VPC's default group allow-all outbound and allow-from-itself inbound: nothing should lean on it. */
        private static void emptyDefaultGroup(NetworkParts parts, String vpcId) {
            Optional<SecurityGroup> group = parts.securityGroup(vpcId, "default");
            if (group.isEmpty()) {
                return;
            }
            String groupId = group.get().groupId();
            if (!group.get().ipPermissions().isEmpty()) {
                List<IpPermission> inbound = group.get().ipPermissions();
                AwsErrors.ignoring(List.of("InvalidPermission.NotFound"),
                        () -> parts.ec2().revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(inbound)));
            }
            if (!group.get().ipPermissionsEgress().isEmpty()) {
                List<IpPermission> outbound = group.get().ipPermissionsEgress();
                AwsErrors.ignoring(List.of("InvalidPermission.NotFound"),
                        () -> parts.ec2().revokeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(outbound)));
            }
        }

        @Override
        public List<Fact<?>> produces() {
            return List.of(LaunchFacts.VPC_ID);
        }

        @Override
        public boolean restore(LaunchContext ctx, LaunchRecord record) {
            String vpcId = record.output(VPC_OUTPUT);
            if (vpcId == null) {
                return false;
            }
            ctx.facts().put(LaunchFacts.VPC_ID, vpcId);
            return true;
        }
    }

    /** The subnet of the mode's part (private or isolated) in each zone, each with its own route table; the instance goes into one. */
    static final class Subnets extends BaseStep {
        Subnets(NetworkModel model) {
            super(CREATE_NETWORK_SUBNETS, "Find or create the " + (model.mode() == NetworkMode.ISOLATED ? "isolated" : "private")
                    + " subnets of Hangar's network, one per zone", List.of(CREATE_NETWORK_VPC, CHOOSE_NETWORK_ZONES));
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            NetworkParts parts = new NetworkParts(ctx, id());
            NetworkModel model = parts.model();
            String vpcId = ctx.facts().get(LaunchFacts.VPC_ID);
            String subnetPart = model.instanceSubnetPart();
            String routesPart = routesPart(model);
            Map<String, String> subnetByZone = new LinkedHashMap<>();
            Map<String, String> tableByZone = new LinkedHashMap<>();
            int created = 0;
            try (NetworkLock lock = parts.lock(NetworkLock.Part.SUBNETS)) {
                List<Subnet> subnets = parts.subnets(vpcId);
                List<RouteTable> tables = parts.routeTables(vpcId);
                List<String> zones = ctx.facts().get(LaunchFacts.NETWORK_ZONES).zones();
                // The zones are independent of each other: made side by side, the instance does not wait for five in a row.
                Map<String, String[]> made = NetworkParts.perZone(zones, zone -> {
                    Optional<String> subnet = findSubnet(parts, subnets, subnetPart, zone);
                    Optional<RouteTable> table = tables.stream().filter(t -> parts.isPart(t.tags(), routesPart, zone)).findFirst();
                    String subnetId = ensureSubnet(parts, vpcId, subnet, subnetPart, zone);
                    String tableId = ensureRouteTable(parts, ctx, vpcId, table.map(RouteTable::routeTableId), routesPart, zone);
                    associate(parts, table, tableId, subnetId);
                    return new String[] {subnetId, tableId, String.valueOf((subnet.isEmpty() ? 1 : 0) + (table.isEmpty() ? 1 : 0))};
                });
                for (String zone : zones) {
                    subnetByZone.put(zone, made.get(zone)[0]);
                    tableByZone.put(zone, made.get(zone)[1]);
                    created += Integer.parseInt(made.get(zone)[2]);
                }
            }
            put(ctx, subnetByZone, tableByZone);
            ctx.journal().output(SUBNETS_OUTPUT, subnetByZone.keySet().stream()
                    .map(z -> z + " " + subnetByZone.get(z) + " " + tableByZone.get(z)).collect(Collectors.joining(",")));
            return String.join(", ", subnetByZone.values()) + (created == 0 ? " found" : "; " + created + " parts created");
        }

        private static void put(LaunchContext ctx, Map<String, String> subnetByZone, Map<String, String> tableByZone) {
            ctx.facts().put(LaunchFacts.PLACEMENTS, new LaunchFacts.Placements(subnetByZone.entrySet().stream()
                    .map(e -> new Placement(e.getValue(), e.getKey())).toList()));
            ctx.facts().put(LaunchFacts.ZONE_ROUTE_TABLES, new LaunchFacts.ZoneRouteTables(tableByZone));
        }

        @Override
        public List<Fact<?>> reads() {
            return List.of(LaunchFacts.VPC_ID, LaunchFacts.NETWORK_ZONES);
        }

        @Override
        public List<Fact<?>> produces() {
            return List.of(LaunchFacts.PLACEMENTS, LaunchFacts.ZONE_ROUTE_TABLES);
        }

        @Override
        public boolean restore(LaunchContext ctx, LaunchRecord record) {
            String saved = record.output(SUBNETS_OUTPUT);
            if (saved == null || saved.isEmpty()) {
                return false;
            }
            Map<String, String> subnetByZone = new LinkedHashMap<>();
            Map<String, String> tableByZone = new LinkedHashMap<>();
            for (String entry : saved.split(",")) {
                String[] zoneSubnetTable = entry.split(" ");
                subnetByZone.put(zoneSubnetTable[0], zoneSubnetTable[1]);
                tableByZone.put(zoneSubnetTable[0], zoneSubnetTable[2]);
            }
            put(ctx, subnetByZone, tableByZone);
            return true;
        }
    }

    static Optional<String> findSubnet(NetworkParts parts, List<Subnet> subnets, String part, String zone) {
        return subnets.stream().filter(s -> parts.isPart(s.tags(), part, zone)).map(Subnet::subnetId).findFirst();
    }

    /** Subnets are idempotent by their CIDR: a retried create whose first attempt landed is refused as a conflict, and that one is ours. */
    static String ensureSubnet(NetworkParts parts, String vpcId, Optional<String> found, String part, String zone) {
        String name = NetworkParts.name(part, zone);
        String cidr = parts.model().subnetCidr(part, zone);
        return parts.ensure(ResourceKind.NETWORK_SUBNET, name, found, () -> {
            try {
                return parts.ec2().createSubnet(r -> r.vpcId(vpcId).cidrBlock(cidr).availabilityZone(zone)
                        .tagSpecifications(parts.tags(ResourceType.SUBNET, part, zone, name))).subnet().subnetId();
            } catch (software.amazon.awssdk.services.ec2.model.Ec2Exception e) {
                if (!AwsErrors.is(e, "InvalidSubnet.Conflict")) {
                    throw e;
                }
                return parts.subnets(vpcId).stream().filter(s -> cidr.equals(s.cidrBlock()) && parts.isPart(s.tags(), part, zone))
                        .map(Subnet::subnetId).findFirst().orElseThrow(() -> new IllegalStateException("subnet " + cidr + " of Hangar's network "
                                + vpcId + " overlaps a subnet Hangar did not make; remove that subnet or Hangar's network"));
            }
        });
    }

    static String ensureRouteTable(NetworkParts parts, LaunchContext ctx, String vpcId, Optional<String> found, String part, String zone) {
        String name = NetworkParts.name(part, zone);
        return parts.ensure(ResourceKind.NETWORK_ROUTE_TABLE, name, found, () -> parts.ec2().createRouteTable(r -> r.vpcId(vpcId)
                .clientToken(ctx.names().networkClientToken(part + "-" + zone))
                .tagSpecifications(parts.tags(ResourceType.ROUTE_TABLE, part, zone, name))).routeTable().routeTableId());
    }

    /** A subnet uses its zone's route table; a retry finds the association made. */
    static void associate(NetworkParts parts, Optional<RouteTable> known, String tableId, String subnetId) {
        boolean done = known.filter(t -> t.routeTableId().equals(tableId))
                .map(t -> t.associations().stream().anyMatch(a -> subnetId.equals(a.subnetId()))).orElse(false);
        if (!done) {
            AwsErrors.ignoring(List.of("Resource.AlreadyAssociated"),
                    () -> parts.ec2().associateRouteTable(r -> r.routeTableId(tableId).subnetId(subnetId)));
        }
    }

    /** The internet gateway, and a public subnet in one zone whose route table sends everything to it: where the NAT gateway sits. */
    static final class InternetGatewayStep extends BaseStep {
        InternetGatewayStep() {
            super(CREATE_NETWORK_INTERNET_GATEWAY, "Find or create the internet gateway and the public subnet for the NAT gateway",
                    List.of(CREATE_NETWORK_VPC, CHOOSE_NETWORK_ZONES));
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            NetworkParts parts = new NetworkParts(ctx, id());
            String vpcId = ctx.facts().get(LaunchFacts.VPC_ID);
            String publicSubnetId;
            try (NetworkLock lock = parts.lock(NetworkLock.Part.INTERNET_GATEWAY)) {
                String igwName = NetworkParts.name(NetworkModel.PART_INTERNET_GATEWAY, null);
                Optional<InternetGateway> igw = parts.internetGateway();
                String igwId = parts.ensure(ResourceKind.NETWORK_INTERNET_GATEWAY, igwName, igw.map(InternetGateway::internetGatewayId),
                        () -> parts.createUntagged(ec2 -> ec2.createInternetGateway(r -> r.tagSpecifications(parts.tags(ResourceType.INTERNET_GATEWAY,
                                        NetworkModel.PART_INTERNET_GATEWAY, null, igwName))).internetGateway().internetGatewayId(),
                                () -> parts.internetGateway().map(InternetGateway::internetGatewayId)));
                boolean attached = igw.map(g -> g.attachments().stream().anyMatch(a -> vpcId.equals(a.vpcId()))).orElse(false);
                if (!attached) {
                    AwsErrors.ignoring(List.of("Resource.AlreadyAssociated"),
                            () -> parts.ec2().attachInternetGateway(r -> r.internetGatewayId(igwId).vpcId(vpcId)));
                }
                List<Subnet> subnets = parts.subnets(vpcId);
                // One public subnet, wherever the first launch put it; else in the first of this launch's zones.
                String zone = subnets.stream().filter(s -> parts.isPart(s.tags(), NetworkModel.PART_PUBLIC_SUBNET, null))
                        .map(s -> NetworkParts.tag(s.tags(), NetworkModel.ZONE_TAG)).findFirst()
                        .orElse(ctx.facts().get(LaunchFacts.NETWORK_ZONES).zones().get(0));
                publicSubnetId = ensureSubnet(parts, vpcId, findSubnet(parts, subnets, NetworkModel.PART_PUBLIC_SUBNET, zone),
                        NetworkModel.PART_PUBLIC_SUBNET, zone);
                Optional<RouteTable> table = parts.routeTables(vpcId).stream()
                        .filter(t -> parts.isPart(t.tags(), NetworkModel.PART_PUBLIC_ROUTES, zone)).findFirst();
                String tableId = ensureRouteTable(parts, ctx, vpcId, table.map(RouteTable::routeTableId), NetworkModel.PART_PUBLIC_ROUTES, zone);
                if (table.map(t -> defaultRoute(t).isEmpty()).orElse(true)) {
                    AwsErrors.ignoring(List.of("RouteAlreadyExists"), () -> parts.ec2().createRoute(r -> r.routeTableId(tableId)
                            .destinationCidrBlock(ANYWHERE).gatewayId(igwId)));
                }
                associate(parts, table, tableId, publicSubnetId);
            }
            ctx.facts().put(LaunchFacts.PUBLIC_SUBNET_ID, publicSubnetId);
            ctx.journal().output(PUBLIC_SUBNET_OUTPUT, publicSubnetId);
            return publicSubnetId;
        }

        @Override
        public List<Fact<?>> reads() {
            return List.of(LaunchFacts.VPC_ID, LaunchFacts.NETWORK_ZONES);
        }

        @Override
        public List<Fact<?>> produces() {
            return List.of(LaunchFacts.PUBLIC_SUBNET_ID);
        }

        @Override
        public boolean restore(LaunchContext ctx, LaunchRecord record) {
            String subnetId = record.output(PUBLIC_SUBNET_OUTPUT);
            if (subnetId == null) {
                return false;
            }
            ctx.facts().put(LaunchFacts.PUBLIC_SUBNET_ID, subnetId);
            return true;
        }
    }

    static Optional<Route> defaultRoute(RouteTable table) {
        return table.routes().stream().filter(r -> ANYWHERE.equals(r.destinationCidrBlock())).findFirst();
    }

    /** The NAT gateway and its Elastic IP in the public subnet; waits until it is available (the instance does not wait for this). */
    static final class NatGatewayStep extends BaseStep {
        NatGatewayStep() {
            super(CREATE_NETWORK_NAT_GATEWAY, "Find or create the NAT gateway (outbound only) and its Elastic IP",
                    List.of(CREATE_NETWORK_INTERNET_GATEWAY));
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            NetworkParts parts = new NetworkParts(ctx, id());
            String vpcId = ctx.facts().get(LaunchFacts.VPC_ID);
            String subnetId = ctx.facts().get(LaunchFacts.PUBLIC_SUBNET_ID);
            String natId;
            boolean created;
            try (NetworkLock lock = parts.lock(NetworkLock.Part.NAT_GATEWAY)) {
                Optional<String> found = parts.natGateway(vpcId).map(NatGateway::natGatewayId);
                created = found.isEmpty();
                String natName = NetworkParts.name(NetworkModel.PART_NAT_GATEWAY, null);
                // The Elastic IP first: a NAT gateway is made with its address.
                String allocationId = found.isPresent() ? null : elasticIp(parts);
                natId = parts.ensure(ResourceKind.NETWORK_NAT_GATEWAY, natName, found, () -> parts.ec2().createNatGateway(r -> r
                        .subnetId(subnetId).allocationId(allocationId)
                        .clientToken(ctx.names().networkClientToken(NetworkModel.PART_NAT_GATEWAY))
                        .tagSpecifications(parts.tags(ResourceType.NATGATEWAY, NetworkModel.PART_NAT_GATEWAY, null, natName)))
                        .natGateway().natGatewayId());
            }
            ctx.waits().steadily("NAT gateway " + natId + " to become available", ctx.waits().pacing().instanceTimeout(), () -> {
                NatGateway nat = parts.ec2().describeNatGateways(r -> r.natGatewayIds(natId)).natGateways().get(0);
                if (nat.state() == NatGatewayState.FAILED || nat.state() == NatGatewayState.DELETED || nat.state() == NatGatewayState.DELETING) {
                    throw new StepFailedException("NAT gateway " + natId + " is " + nat.stateAsString() + ": " + nat.failureMessage());
                }
                return nat.state() == NatGatewayState.AVAILABLE;
            }, s -> ctx.waiting(id(), "NAT gateway " + natId + " is starting (" + s + " s); the instance does not wait for it"));
            ctx.facts().put(LaunchFacts.NAT_GATEWAY_ID, natId);
            ctx.journal().output(NAT_OUTPUT, natId);
            return natId + (created ? " created" : " found");
        }

        private static String elasticIp(NetworkParts parts) {
            String name = NetworkParts.name(NetworkModel.PART_ELASTIC_IP, null);
            return parts.ensure(ResourceKind.NETWORK_ELASTIC_IP, name, parts.elasticIp().map(a -> a.allocationId()),
                    () -> parts.createUntagged(ec2 -> ec2.allocateAddress(r -> r.domain(DomainType.VPC)
                                    .tagSpecifications(parts.tags(ResourceType.ELASTIC_IP, NetworkModel.PART_ELASTIC_IP, null, name))).allocationId(),
                            () -> parts.elasticIp().map(a -> a.allocationId())));
        }

        @Override
        public List<Fact<?>> reads() {
            return List.of(LaunchFacts.VPC_ID, LaunchFacts.PUBLIC_SUBNET_ID);
        }

        @Override
        public List<Fact<?>> produces() {
            return List.of(LaunchFacts.NAT_GATEWAY_ID);
        }

        @Override
        public boolean restore(LaunchContext ctx, LaunchRecord record) {
            String natId = record.output(NAT_OUTPUT);
            if (natId == null) {
                return false;
            }
            ctx.facts().put(LaunchFacts.NAT_GATEWAY_ID, natId);
            return true;
        }
    }

    /** 0.0.0.0/0 to the NAT gateway on every private route table of the network (a zone added later gets it from its launch). */
    static final class RouteToNat extends BaseStep {
        RouteToNat() {
            super(ROUTE_TO_NAT_GATEWAY, "Send the private subnets' outbound traffic through the NAT gateway",
                    List.of(CREATE_NETWORK_NAT_GATEWAY, CREATE_NETWORK_SUBNETS));
        }

        @Override
        public String apply(LaunchContext ctx) {
            NetworkParts parts = new NetworkParts(ctx, id());
            String natId = ctx.facts().get(LaunchFacts.NAT_GATEWAY_ID);
            List<String> changed = new ArrayList<>();
            for (RouteTable table : parts.routeTables(ctx.facts().get(LaunchFacts.VPC_ID))) {
                if (!parts.isPart(table.tags(), NetworkModel.PART_PRIVATE_ROUTES, null)) {
                    continue;
                }
                Optional<Route> route = defaultRoute(table);
                String tableId = table.routeTableId();
                if (route.isEmpty()) {
                    AwsErrors.ignoring(List.of("RouteAlreadyExists"), () -> parts.ec2().createRoute(r -> r.routeTableId(tableId)
                            .destinationCidrBlock(ANYWHERE).natGatewayId(natId)));
                    changed.add(tableId);
                } else if (!natId.equals(route.get().natGatewayId())) {
                    // A NAT gateway that was removed leaves a blackhole route: point it at the one that stands.
                    parts.ec2().replaceRoute(r -> r.routeTableId(tableId).destinationCidrBlock(ANYWHERE).natGatewayId(natId));
                    changed.add(tableId);
                }
            }
            return changed.isEmpty() ? "already routed" : String.join(", ", changed);
        }

        @Override
        public List<Fact<?>> reads() {
            return List.of(LaunchFacts.VPC_ID, LaunchFacts.NAT_GATEWAY_ID);
        }
    }

    /** The S3 gateway endpoint on every private and isolated route table: dataset traffic stays inside AWS, at no charge. */
    static final class S3Endpoint extends BaseStep {
        S3Endpoint() {
            super(CREATE_NETWORK_S3_ENDPOINT, "Find or create the S3 gateway endpoint (bucket traffic stays inside AWS)",
                    List.of(CREATE_NETWORK_SUBNETS));
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            NetworkParts parts = new NetworkParts(ctx, id());
            String vpcId = ctx.facts().get(LaunchFacts.VPC_ID);
            String service = parts.model().serviceName("s3");
            try (NetworkLock lock = parts.lock(NetworkLock.Part.S3_ENDPOINT)) {
                List<String> tables = parts.routeTables(vpcId).stream()
                        .filter(t -> parts.isPart(t.tags(), NetworkModel.PART_PRIVATE_ROUTES, null) || parts.isPart(t.tags(), NetworkModel.PART_ISOLATED_ROUTES, null))
                        .map(RouteTable::routeTableId).sorted().toList();
                Optional<VpcEndpoint> found = parts.endpoint(vpcId, service);
                String name = NetworkParts.name(NetworkModel.PART_S3_ENDPOINT, null);
                String endpointId = parts.ensure(ResourceKind.NETWORK_ENDPOINT, name, found.map(VpcEndpoint::vpcEndpointId),
                        () -> parts.ec2().createVpcEndpoint(r -> r.vpcId(vpcId).serviceName(service).vpcEndpointType(VpcEndpointType.GATEWAY)
                                .routeTableIds(tables).clientToken(ctx.names().networkClientToken(NetworkModel.PART_S3_ENDPOINT))
                                .tagSpecifications(parts.tags(ResourceType.VPC_ENDPOINT, NetworkModel.PART_S3_ENDPOINT, null, name)))
                                .vpcEndpoint().vpcEndpointId());
                List<String> missing = found.map(e -> tables.stream().filter(t -> !e.routeTableIds().contains(t)).toList()).orElse(List.of());
                if (!missing.isEmpty()) {
                    parts.ec2().modifyVpcEndpoint(r -> r.vpcEndpointId(endpointId).addRouteTableIds(missing));
                }
                return endpointId + (found.isEmpty() ? " created" : missing.isEmpty() ? " found" : " now also on " + String.join(", ", missing));
            }
        }

        @Override
        public List<Fact<?>> reads() {
            return List.of(LaunchFacts.VPC_ID);
        }
    }

    /** The interface endpoints' security group: HTTPS from inside the VPC, and no other rule (no outbound either). */
    static final class EndpointSecurityGroup extends BaseStep {
        EndpointSecurityGroup() {
            super(CREATE_NETWORK_ENDPOINT_SECURITY_GROUP, "Find or create the endpoints' security group (HTTPS from the VPC only)",
                    List.of(CREATE_NETWORK_VPC));
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            NetworkParts parts = new NetworkParts(ctx, id());
            String vpcId = ctx.facts().get(LaunchFacts.VPC_ID);
            String name = NetworkParts.name(NetworkModel.PART_ENDPOINT_SECURITY_GROUP, null);
            SecurityGroup group;
            try (NetworkLock lock = parts.lock(NetworkLock.Part.INTERFACE_ENDPOINTS)) {
                Optional<SecurityGroup> found = parts.securityGroup(vpcId, name);
                String groupId = parts.ensure(ResourceKind.NETWORK_SECURITY_GROUP, name, found.map(SecurityGroup::groupId), () -> {
                    try {
                        return parts.ec2().createSecurityGroup(r -> r.vpcId(vpcId).groupName(name)
                                .description("Hangar network: interface endpoints, HTTPS from the VPC only")
                                .tagSpecifications(parts.tags(ResourceType.SECURITY_GROUP, NetworkModel.PART_ENDPOINT_SECURITY_GROUP, null, name))).groupId();
                    } catch (software.amazon.awssdk.services.ec2.model.Ec2Exception e) {
                        if (!AwsErrors.is(e, "InvalidGroup.Duplicate")) {
                            throw e;
                        }
                        return parts.securityGroup(vpcId, name).orElseThrow().groupId(); // a retry whose first attempt landed
                    }
                });
                group = parts.ec2().describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().get(0);
            }
            String groupId = group.groupId();
            if (!group.ipPermissionsEgress().isEmpty()) {
                List<IpPermission> outbound = group.ipPermissionsEgress();
                AwsErrors.ignoring(List.of("InvalidPermission.NotFound"),
                        () -> parts.ec2().revokeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(outbound)));
            }
            boolean hasHttps = group.ipPermissions().stream().anyMatch(p -> "tcp".equals(p.ipProtocol()) && Integer.valueOf(443).equals(p.fromPort())
                    && p.ipRanges().stream().anyMatch(r -> NetworkModel.VPC_CIDR.equals(r.cidrIp())));
            if (!hasHttps) {
                AwsErrors.ignoring(List.of("InvalidPermission.Duplicate"), () -> parts.ec2().authorizeSecurityGroupIngress(r -> r.groupId(groupId)
                        .ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                                .ipRanges(i -> i.cidrIp(NetworkModel.VPC_CIDR).description("HTTPS to the endpoints from inside Hangar's network")).build())));
            }
            ctx.facts().put(LaunchFacts.ENDPOINT_SECURITY_GROUP_ID, groupId);
            ctx.journal().output(ENDPOINT_GROUP_OUTPUT, groupId);
            return groupId;
        }

        @Override
        public List<Fact<?>> reads() {
            return List.of(LaunchFacts.VPC_ID);
        }

        @Override
        public List<Fact<?>> produces() {
            return List.of(LaunchFacts.ENDPOINT_SECURITY_GROUP_ID);
        }

        @Override
        public boolean restore(LaunchContext ctx, LaunchRecord record) {
            String groupId = record.output(ENDPOINT_GROUP_OUTPUT);
            if (groupId == null) {
                return false;
            }
            ctx.facts().put(LaunchFacts.ENDPOINT_SECURITY_GROUP_ID, groupId);
            return true;
        }
    }

    /** The interface endpoints an isolated instance reaches AWS through (Session Manager, CloudWatch), in every isolated subnet, private DNS on. */
    static final class InterfaceEndpoints extends BaseStep {
        InterfaceEndpoints(NetworkModel model) {
            super(CREATE_NETWORK_INTERFACE_ENDPOINTS, "Find or create the interface endpoints (" + String.join(", ", model.interfaceServices()) + ")",
                    List.of(CREATE_NETWORK_SUBNETS, CREATE_NETWORK_ENDPOINT_SECURITY_GROUP));
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            NetworkParts parts = new NetworkParts(ctx, id());
            NetworkModel model = parts.model();
            String vpcId = ctx.facts().get(LaunchFacts.VPC_ID);
            String groupId = ctx.facts().get(LaunchFacts.ENDPOINT_SECURITY_GROUP_ID);
            int created = 0;
            try (NetworkLock lock = parts.lock(NetworkLock.Part.INTERFACE_ENDPOINTS)) {
                List<String> subnets = parts.subnets(vpcId).stream().filter(s -> parts.isPart(s.tags(), NetworkModel.PART_ISOLATED_SUBNET, null))
                        .map(Subnet::subnetId).sorted().toList();
                for (String service : model.interfaceServices()) {
                    String serviceName = model.serviceName(service);
                    String name = NetworkParts.name(NetworkModel.PART_INTERFACE_ENDPOINT, service);
                    Optional<VpcEndpoint> found = parts.endpoint(vpcId, serviceName);
                    created += found.isEmpty() ? 1 : 0;
                    String endpointId = parts.ensure(ResourceKind.NETWORK_ENDPOINT, name, found.map(VpcEndpoint::vpcEndpointId),
                            () -> parts.ec2().createVpcEndpoint(r -> r.vpcId(vpcId).serviceName(serviceName).vpcEndpointType(VpcEndpointType.INTERFACE)
                                    .subnetIds(subnets).securityGroupIds(groupId).privateDnsEnabled(true)
                                    .clientToken(ctx.names().networkClientToken(NetworkModel.PART_INTERFACE_ENDPOINT + "-" + service))
                                    .tagSpecifications(parts.tags(ResourceType.VPC_ENDPOINT, NetworkModel.PART_INTERFACE_ENDPOINT, null, name)))
                                    .vpcEndpoint().vpcEndpointId());
                    List<String> missing = found.map(e -> subnets.stream().filter(s -> !e.subnetIds().contains(s)).toList()).orElse(List.of());
                    if (!missing.isEmpty()) {
                        parts.ec2().modifyVpcEndpoint(r -> r.vpcEndpointId(endpointId).addSubnetIds(missing));
                    }
                }
            }
            return created == 0 ? "found" : created + " created";
        }

        @Override
        public List<Fact<?>> reads() {
            return List.of(LaunchFacts.VPC_ID, LaunchFacts.ENDPOINT_SECURITY_GROUP_ID);
        }
    }
}
