package dev.hangar.provision;

import dev.hangar.blueprint.AwsErrors;
import dev.hangar.blueprint.NetworkModel;
import dev.hangar.journal.ResourceKind;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Removes one part of Hangar's network that a launch journaled, by its ID or, for a part whose create was only
 * intended, by its Name tag in the region's network. Gone already is fine; a part still in use by what AWS has not
 * finished removing (an instance's network interface, a NAT gateway being deleted) is waited for. Whether the network may
 * go at all is not decided here: see {@link NetworkUsers}.
 */
final class NetworkPartRemover {

    private final Ec2Client ec2;
    private final String region;
    private final Waits waits;

    NetworkPartRemover(Ec2Client ec2, String region, Waits waits) {
        this.ec2 = ec2;
        this.region = region;
        this.waits = waits;
    }

    /** Dependency order: what leans on a part goes before it (endpoints and NAT before subnets, the NAT before its address). */
    static final List<String> ORDER = List.of(ResourceKind.NETWORK_ENDPOINT, ResourceKind.NETWORK_NAT_GATEWAY, ResourceKind.NETWORK_ELASTIC_IP,
            ResourceKind.NETWORK_INTERNET_GATEWAY, ResourceKind.NETWORK_ROUTE_TABLE, ResourceKind.NETWORK_SUBNET,
            ResourceKind.NETWORK_SECURITY_GROUP, ResourceKind.NETWORK_VPC);

    static boolean isNetwork(String kind) {
        return ORDER.contains(kind);
    }

    void remove(String kind, String idOrName) throws Exception {
        switch (kind) {
            case ResourceKind.NETWORK_ENDPOINT -> each(idOrName, "vpce-", this::endpointsNamed, this::deleteEndpoint);
            case ResourceKind.NETWORK_NAT_GATEWAY -> each(idOrName, "nat-", this::natsNamed, this::deleteNat);
            case ResourceKind.NETWORK_ELASTIC_IP -> each(idOrName, "eipalloc-", this::addressesNamed, this::release);
            case ResourceKind.NETWORK_INTERNET_GATEWAY -> each(idOrName, "igw-", this::gatewaysNamed, this::deleteInternetGateway);
            case ResourceKind.NETWORK_ROUTE_TABLE -> each(idOrName, "rtb-", this::tablesNamed, this::deleteRouteTable);
            case ResourceKind.NETWORK_SUBNET -> each(idOrName, "subnet-", this::subnetsNamed,
                    id -> untilFree("subnet " + id, "InvalidSubnetID.NotFound", () -> ec2.deleteSubnet(d -> d.subnetId(id))));
            case ResourceKind.NETWORK_SECURITY_GROUP -> each(idOrName, "sg-", this::groupsNamed,
                    id -> untilFree("security group " + id, "InvalidGroup.NotFound", () -> ec2.deleteSecurityGroup(d -> d.groupId(id))));
            case ResourceKind.NETWORK_VPC -> each(idOrName, "vpc-", this::vpcsNamed,
                    id -> untilFree("VPC " + id, "InvalidVpcID.NotFound", () -> ec2.deleteVpc(d -> d.vpcId(id))));
            default -> throw new IllegalArgumentException("not a part of Hangar's network: " + kind);
        }
    }

    private interface Removal {
        void remove(String id) throws Exception;
    }

    private interface Lookup {
        List<String> named(Filter... filters);
    }

    private void each(String idOrName, String idPrefix, Lookup lookup, Removal removal) throws Exception {
        List<String> ids = idOrName.startsWith(idPrefix) ? List.of(idOrName)
                : lookup.named(tag("Name", idOrName), tag(NetworkModel.TAG, region));
        for (String id : ids) {
            removal.remove(id);
        }
    }

    private void deleteEndpoint(String id) {
        AwsErrors.ignoring(List.of("InvalidVpcEndpointId.NotFound", "InvalidVpcEndpoint.NotFound"), () -> ec2.deleteVpcEndpoints(d -> d.vpcEndpointIds(id)));
    }

    /** Deletes the NAT gateway and waits until it is gone: until then its Elastic IP cannot be released, nor its subnet deleted. */
    private void deleteNat(String id) throws Exception {
        AwsErrors.ignoring(List.of("NatGatewayNotFound", "InvalidNatGatewayID.NotFound"), () -> ec2.deleteNatGateway(d -> d.natGatewayId(id)));
        waits.until("NAT gateway " + id + " to be deleted", waits.pacing().cleanupTimeout(), () -> nat(id)
                .map(n -> n.state() == NatGatewayState.DELETED || n.state() == NatGatewayState.FAILED).orElse(true), s -> { });
    }

    private Optional<NatGateway> nat(String id) {
        try {
            return ec2.describeNatGateways(d -> d.natGatewayIds(id)).natGateways().stream().findFirst();
        } catch (AwsServiceException e) {
            if (AwsErrors.is(e, "NatGatewayNotFound") || AwsErrors.is(e, "InvalidNatGatewayID.NotFound")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Released once nothing holds it; while the NAT gateway's interface lets go of it, AWS says it is in use. */
    private void release(String allocationId) throws Exception {
        untilFree("Elastic IP " + allocationId, "InvalidAllocationID.NotFound", () -> ec2.releaseAddress(d -> d.allocationId(allocationId)));
    }

    private void deleteInternetGateway(String id) throws Exception {
        var found = ec2.describeInternetGateways(d -> d.filters(Filter.builder().name("internet-gateway-id").values(id).build())).internetGateways();
        for (var gateway : found) {
            for (var attachment : gateway.attachments()) {
                // Refused while the VPC still has public addresses mapped (a NAT gateway being deleted): wait.
                untilFree("internet gateway " + id, "Gateway.NotAttached",
                        () -> ec2.detachInternetGateway(d -> d.internetGatewayId(id).vpcId(attachment.vpcId())));
            }
        }
        AwsErrors.ignoring(List.of("InvalidInternetGatewayID.NotFound"), () -> ec2.deleteInternetGateway(d -> d.internetGatewayId(id)));
    }

    /** A route table goes once no subnet uses it; it is this launch's to remove, so its subnets' associations go first. */
    private void deleteRouteTable(String id) throws Exception {
        var tables = ec2.describeRouteTables(d -> d.filters(Filter.builder().name("route-table-id").values(id).build())).routeTables();
        for (var table : tables) {
            for (RouteTableAssociation a : table.associations()) {
                if (!Boolean.TRUE.equals(a.main())) {
                    AwsErrors.ignoring(List.of("InvalidAssociationID.NotFound"), () -> ec2.disassociateRouteTable(d -> d.associationId(a.routeTableAssociationId())));
                }
            }
        }
        untilFree("route table " + id, "InvalidRouteTableID.NotFound", () -> ec2.deleteRouteTable(d -> d.routeTableId(id)));
    }

    /** Runs a delete until AWS no longer refuses it as still in use; {@code goneCode} means it is gone already. */
    private void untilFree(String what, String goneCode, Runnable delete) throws Exception {
        waits.until(what + " to be free", waits.pacing().cleanupTimeout(), () -> {
            try {
                delete.run();
                return true;
            } catch (AwsServiceException e) {
                if (AwsErrors.is(e, goneCode)) {
                    return true;
                }
                if (AwsErrors.is(e, "DependencyViolation") || AwsErrors.is(e, "InvalidIPAddress.InUse")) {
                    return false;
                }
                throw e;
            }
        }, s -> { });
    }

    private List<String> endpointsNamed(Filter... filters) {
        return ec2.describeVpcEndpoints(d -> d.filters(filters)).vpcEndpoints().stream()
                .filter(e -> !List.of("deleted", "deleting").contains(e.stateAsString().toLowerCase())).map(e -> e.vpcEndpointId()).toList();
    }

    /** NAT gateways by Name, checked here: emulators ignore tag filters on them. */
    private List<String> natsNamed(Filter... filters) {
        String name = filters[0].values().get(0);
        return ec2.describeNatGatewaysPaginator(d -> { }).natGateways().stream()
                .filter(n -> n.state() != NatGatewayState.DELETED && has(n.tags(), "Name", name) && has(n.tags(), NetworkModel.TAG, region))
                .map(NatGateway::natGatewayId).toList();
    }

    private List<String> addressesNamed(Filter... filters) {
        return ec2.describeAddresses(d -> d.filters(filters)).addresses().stream().map(a -> a.allocationId()).toList();
    }

    private List<String> gatewaysNamed(Filter... filters) {
        return ec2.describeInternetGateways(d -> d.filters(filters)).internetGateways().stream().map(g -> g.internetGatewayId()).toList();
    }

    private List<String> tablesNamed(Filter... filters) {
        return ec2.describeRouteTables(d -> d.filters(filters)).routeTables().stream().map(t -> t.routeTableId()).toList();
    }

    private List<String> subnetsNamed(Filter... filters) {
        return ec2.describeSubnets(d -> d.filters(filters)).subnets().stream().map(s -> s.subnetId()).toList();
    }

    private List<String> groupsNamed(Filter... filters) {
        return ec2.describeSecurityGroups(d -> d.filters(filters)).securityGroups().stream().map(g -> g.groupId()).toList();
    }

    private List<String> vpcsNamed(Filter... filters) {
        return ec2.describeVpcs(d -> d.filters(filters)).vpcs().stream().map(v -> v.vpcId()).toList();
    }

    private static boolean has(List<Tag> tags, String key, String value) {
        return tags.stream().anyMatch(t -> t.key().equals(key) && t.value().equals(value));
    }

    private static Filter tag(String key, String value) {
        return Filter.builder().name("tag:" + key).values(value).build();
    }

}
