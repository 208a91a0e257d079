package dev.hangar.provision;

import dev.hangar.aws.AwsClients;
import dev.hangar.blueprint.AwsErrors;
import dev.hangar.blueprint.LaunchTags;
import dev.hangar.blueprint.StepFailedException;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.ResourceKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulItem;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * Removes Hangar's network in a region in dependency order: the endpoints, the NAT gateways (waiting until AWS reports
 * them deleted), then their Elastic IPs, the route tables (their subnet associations first; the VPC's main table goes
 * with the VPC, and each table's routes with the table), the subnets, the internet gateway (detached first), the
 * endpoints' security group, and last the VPC. Each part is reported as it goes; one failure does not stop the rest,
 * and a part already gone counts as removed. Refuses, touching nothing, while an instance is inside or a launch is being
 * launched into it.
 *
 * <p>AWS frees a deleted NAT gateway's or endpoint's network interfaces, and an Elastic IP's mapping, a little after it
 * reports the owner deleted: while everything before went well, a {@code DependencyViolation} is that lag and is waited
 * out (bounded); after a failure it is the failure's consequence, so there is one attempt and the part is reported.
 */
public final class NetworkRemoval {

    /** The step ID of its progress events. */
    public static final String STEP_ID = "network";

    /** What to do to remove one part; throwing means it could not be removed. */
    @FunctionalInterface
    private interface Removal {
        void run() throws Exception;
    }

    /**
     * What {@link #removeUnless} found and did.
     *
     * @param network      the network as read just before the removal
     * @param keptBecause  why it was left standing; empty when it was removed (or there was none)
     * @param failures     what could not be removed, one line each
     */
    public record Outcome(NetworkInventory network, Optional<String> keptBecause, List<String> failures) {
        public Outcome {
            failures = List.copyOf(failures);
        }

        /** Nothing of it stands any more. */
        public boolean removed() {
            return keptBecause.isEmpty() && failures.isEmpty();
        }
    }

    private final AwsClients aws;
    private final JournalStore journal;
    private final Waits waits;

    public NetworkRemoval(AwsClients aws, JournalStore journal, Waits waits) {
        this.aws = aws;
        this.journal = journal;
        this.waits = waits;
    }

    /**
     * Reads the region's network afresh and removes it, unless {@code whyKeep} gives a reason to leave it standing (what
     * uses it, or whatever the caller decides). An instance inside always keeps it. The one way in, for every caller
     * (destroy's last user, {@code network destroy}, sweep), so the read and the removal sit together: nothing is judged
     * on a listing made before a confirmation or a long teardown.
     */
    public Outcome removeUnless(String region, Function<NetworkInventory, Optional<String>> whyKeep, LaunchListener listener) {
        // The whole network's lock: no launch from this home finds (and reuses) the network while it goes.
        try (NetworkLock lock = NetworkLock.acquireAll(journal.directory().getParent(), region, waits, s -> { })) {
            return removeLocked(region, whyKeep, listener);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            return new Outcome(NetworkInventory.find(aws, journal, region), Optional.empty(),
                    List.of("Hangar's network in " + region + ": " + AwsErrors.brief(e)));
        }
    }

    private Outcome removeLocked(String region, Function<NetworkInventory, Optional<String>> whyKeep, LaunchListener listener) {
        NetworkInventory network = NetworkInventory.find(aws, journal, region);
        if (network.isEmpty()) {
            return new Outcome(network, Optional.empty(), List.of());
        }
        Optional<String> keep = network.whyNotRemovable().or(() -> whyKeep.apply(network));
        if (keep.isPresent()) {
            return new Outcome(network, keep, List.of());
        }
        return new Outcome(network, Optional.empty(), remove(network, listener));
    }

    /** @return what could not be removed, one line each; empty when the whole network is gone */
    private List<String> remove(NetworkInventory network, LaunchListener listener) {
        String title = "Remove Hangar's network in " + network.region();
        listener.on(new LaunchEvent.StepStarted(STEP_ID, title));
        Run run = new Run(aws.ec2(network.region()), listener);
        run.endpoints(network.endpoints());
        Set<String> natsGone = run.natGateways(network.natGateways());
        run.elasticIps(network.elasticIps(), network.natGateways(), natsGone);
        network.routeTables().forEach(run::routeTable);
        network.subnets().forEach(run::subnet);
        network.internetGateways().forEach(run::internetGateway);
        network.endpointSecurityGroups().forEach(run::securityGroup);
        network.vpcs().forEach(run::vpc);
        if (run.failures.isEmpty()) {
            listener.on(new LaunchEvent.StepSucceeded(STEP_ID, title, network.parts().size() + " parts removed"));
        } else {
            listener.on(new LaunchEvent.StepFailed(STEP_ID, title, run.failures.size() + " parts could not be removed"));
        }
        return run.failures;
    }

    /** One removal: its client, its listener and what failed so far. */
    private final class Run {
        private final Ec2Client ec2;
        private final LaunchListener listener;
        private final List<String> failures = new ArrayList<>();

        Run(Ec2Client ec2, LaunchListener listener) {
            this.ec2 = ec2;
            this.listener = listener;
        }

        /** Both kinds in one call; AWS answers per endpoint. */
        void endpoints(List<VpcEndpoint> endpoints) {
            if (endpoints.isEmpty()) {
                return;
            }
            List<String> ids = endpoints.stream().map(VpcEndpoint::vpcEndpointId).toList();
            Map<String, String> failed = new LinkedHashMap<>();
            try {
                for (UnsuccessfulItem item : ec2.deleteVpcEndpoints(d -> d.vpcEndpointIds(ids)).unsuccessful()) {
                    if (item.error() != null && !String.valueOf(item.error().code()).contains("NotFound")) {
                        failed.put(item.resourceId(), item.error().code() + ": " + item.error().message());
                    }
                }
            } catch (RuntimeException e) {
                ids.forEach(id -> failed.put(id, AwsErrors.brief(e)));
            }
            for (String id : ids) {
                part(ResourceKind.NETWORK_ENDPOINT, id, () -> {
                    if (failed.containsKey(id)) {
                        throw new StepFailedException(failed.get(id));
                    }
                });
            }
        }

        /** Deletes them all, then waits until AWS reports each deleted; returns those that are. */
        Set<String> natGateways(List<NatGateway> nats) {
            Set<String> gone = new HashSet<>();
            List<String> deleting = new ArrayList<>();
            for (NatGateway nat : nats) {
                try {
                    if (nat.state() != NatGatewayState.DELETING) {
                        AwsErrors.ignoring(List.of("NatGatewayNotFound", "InvalidNatGatewayID.NotFound"),
                                () -> ec2.deleteNatGateway(d -> d.natGatewayId(nat.natGatewayId())));
                    }
                    deleting.add(nat.natGatewayId());
                } catch (RuntimeException e) {
                    failed(ResourceKind.NETWORK_NAT_GATEWAY, nat.natGatewayId(), AwsErrors.brief(e));
                }
            }
            if (deleting.isEmpty()) {
                return gone;
            }
            try {
                waits.until("NAT gateway " + String.join(", ", deleting) + " to be deleted", waits.pacing().cleanupTimeout(), () -> {
                    gone.addAll(deleting.stream().filter(this::natDeleted).toList());
                    return gone.containsAll(deleting);
                }, s -> listener.on(new LaunchEvent.StepWaiting(STEP_ID, "NAT gateway " + String.join(", ", deleting) + " is being deleted ("
                        + s + " s); AWS takes about a minute")));
            } catch (Exception e) {
                // reported below, per gateway still standing
            }
            for (String id : deleting) {
                if (gone.contains(id)) {
                    listener.on(new LaunchEvent.ResourceRemoved(ResourceKind.NETWORK_NAT_GATEWAY, id));
                } else {
                    failed(ResourceKind.NETWORK_NAT_GATEWAY, id, "AWS did not report it deleted within " + waits.pacing().cleanupTimeout().toSeconds() + " s");
                }
            }
            return gone;
        }

        private boolean natDeleted(String id) {
            try {
                return ec2.describeNatGateways(d -> d.natGatewayIds(id)).natGateways().stream().allMatch(n -> n.state() == NatGatewayState.DELETED);
            } catch (AwsServiceException e) {
                if (AwsErrors.is(e, "NatGatewayNotFound")) {
                    return true;
                }
                throw e;
            }
        }

        /** An address still held by a NAT gateway that could not be deleted stays: releasing it would fail anyway. */
        void elasticIps(List<Address> addresses, List<NatGateway> nats, Set<String> natsGone) {
            Map<String, String> heldBy = new LinkedHashMap<>();
            for (NatGateway nat : nats) {
                for (NatGatewayAddress a : nat.natGatewayAddresses()) {
                    heldBy.put(a.allocationId(), nat.natGatewayId());
                }
            }
            for (Address address : addresses) {
                String id = address.allocationId();
                String nat = heldBy.get(id);
                if (nat != null && !natsGone.contains(nat)) {
                    failed(ResourceKind.NETWORK_ELASTIC_IP, id, "not released: NAT gateway " + nat + ", which holds it, is still there");
                    continue;
                }
                // AWS lets the address go a moment after its NAT gateway is deleted.
                part(ResourceKind.NETWORK_ELASTIC_IP, id, () -> untilFree("Elastic IP " + id, nat != null ? "InvalidIPAddress.InUse" : null,
                        () -> ec2.releaseAddress(r -> r.allocationId(id)), "InvalidAllocationID.NotFound"));
            }
        }

        /** The VPC's main table goes with the VPC; any other is taken off its subnets first (its routes go with it). */
        void routeTable(RouteTable table) {
            if (table.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main()))) {
                return;
            }
            String id = table.routeTableId();
            part(ResourceKind.NETWORK_ROUTE_TABLE, id, () -> {
                for (RouteTableAssociation a : table.associations()) {
                    AwsErrors.ignoring(List.of("InvalidAssociationID.NotFound"), () -> ec2.disassociateRouteTable(d -> d.associationId(a.routeTableAssociationId())));
                }
                AwsErrors.ignoring(List.of("InvalidRouteTableID.NotFound"), () -> ec2.deleteRouteTable(d -> d.routeTableId(id)));
            });
        }

        void subnet(Subnet subnet) {
            String id = subnet.subnetId();
            part(ResourceKind.NETWORK_SUBNET, id, () -> untilFree("subnet " + id, "DependencyViolation",
                    () -> ec2.deleteSubnet(d -> d.subnetId(id)), "InvalidSubnetID.NotFound"));
        }

        /** Detached first; AWS refuses while an address of the VPC is still mapped to it, which goes shortly after the release. */
        void internetGateway(InternetGateway gateway) {
            String id = gateway.internetGatewayId();
            part(ResourceKind.NETWORK_INTERNET_GATEWAY, id, () -> {
                for (var attachment : gateway.attachments()) {
                    untilFree("internet gateway " + id, "DependencyViolation",
                            () -> ec2.detachInternetGateway(d -> d.internetGatewayId(id).vpcId(attachment.vpcId())),
                            "Gateway.NotAttached", "InvalidInternetGatewayID.NotFound");
                }
                AwsErrors.ignoring(List.of("InvalidInternetGatewayID.NotFound"), () -> ec2.deleteInternetGateway(d -> d.internetGatewayId(id)));
            });
        }

        void securityGroup(SecurityGroup group) {
            String id = group.groupId();
            part(ResourceKind.NETWORK_SECURITY_GROUP, id, () -> untilFree("security group " + id, "DependencyViolation",
                    () -> ec2.deleteSecurityGroup(d -> d.groupId(id)), "InvalidGroup.NotFound"));
        }

        /**
         * Not tried once a part inside could not be removed, nor while a security group that is not the network's is in it
         * (a launch's, left by a destroy that did not finish): AWS would refuse, and its message would hide the cause.
         */
        void vpc(Vpc vpc) {
            String id = vpc.vpcId();
            if (!failures.isEmpty()) {
                failed(ResourceKind.NETWORK_VPC, id, "kept: not everything in it could be removed");
                return;
            }
            part(ResourceKind.NETWORK_VPC, id, () -> {
                List<String> groups = otherGroups(id);
                if (!groups.isEmpty()) {
                    throw new StepFailedException("kept: security group " + String.join(", ", groups)
                            + " is still in it; destroy its launch (or run sweep), then remove the network again");
                }
                try {
                    untilFree("VPC " + id, "DependencyViolation", () -> ec2.deleteVpc(d -> d.vpcId(id)), "InvalidVpcID.NotFound");
                } catch (Exception e) {
                    throw new StepFailedException(AwsErrors.brief(e) + foreignContents(id), e);
                }
            });
        }

        /** The VPC's security groups but its default one, each with the launch it belongs to where it has one. */
        private List<String> otherGroups(String vpcId) {
            return ec2.describeSecurityGroupsPaginator(d -> d.filters(Filter.builder().name("vpc-id").values(vpcId).build())).securityGroups().stream()
                    .filter(g -> !"default".equals(g.groupName()))
                    .map(g -> g.groupId() + Optional.ofNullable(NetworkTags.value(g.tags(), LaunchTags.LAUNCH_ID))
                            .map(l -> " (launch " + l + ")").orElse(""))
                    .toList();
        }

        /** What else is in the VPC: Hangar removes only what carries the network's tag, so these keep the VPC. */
        private String foreignContents(String vpcId) {
            try {
                Filter inVpc = Filter.builder().name("vpc-id").values(vpcId).build();
                List<String> left = new ArrayList<>();
                ec2.describeSecurityGroups(d -> d.filters(inVpc)).securityGroups().stream()
                        .filter(g -> !"default".equals(g.groupName())).forEach(g -> left.add(g.groupId()));
                ec2.describeNetworkInterfaces(d -> d.filters(inVpc)).networkInterfaces().forEach(n -> left.add(n.networkInterfaceId()));
                return left.isEmpty() ? "" : "; still in it: " + String.join(", ", left);
            } catch (RuntimeException e) {
                return "";
            }
        }

        /**
         * Makes the call until it succeeds or answers one of {@code goneCodes}; while nothing has failed so far, an
         * answer of {@code busyCode} (null: none) means "not yet" and is waited out within the cleanup timeout.
         */
        private void untilFree(String what, String busyCode, Runnable call, String... goneCodes) throws Exception {
            boolean wait = busyCode != null && failures.isEmpty();
            waits.until(what + " to be free", waits.pacing().cleanupTimeout(), () -> {
                try {
                    call.run();
                    return true;
                } catch (AwsServiceException e) {
                    if (List.of(goneCodes).contains(AwsErrors.code(e))) {
                        return true;
                    }
                    if (wait && AwsErrors.is(e, busyCode)) {
                        return false;
                    }
                    throw e;
                }
            }, s -> listener.on(new LaunchEvent.StepWaiting(STEP_ID, what + " is still in use (" + s + " s)")));
        }

        private void part(String kind, String id, Removal removal) {
            try {
                removal.run();
                listener.on(new LaunchEvent.ResourceRemoved(kind, id));
            } catch (Exception e) {
                failed(kind, id, AwsErrors.brief(e));
            }
        }

        private void failed(String kind, String id, String message) {
            failures.add(kind + " " + id + ": " + message);
            listener.on(new LaunchEvent.ResourceRemovalFailed(kind, id, message));
        }
    }

}
