package dev.hangar.provision.steps;

import dev.hangar.blueprint.AwsErrors;
import dev.hangar.blueprint.NetworkModel;
import dev.hangar.journal.ResourceRecord;
import dev.hangar.provision.LaunchContext;
import dev.hangar.provision.NetworkLock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * The parts of Hangar's network in the launch's region, found by their tags, and the one way each missing part is
 * created: tagged at creation (so the next look finds it, whoever looks), journaled by this launch (intended before
 * the call, created after), under the region's {@link NetworkLock}. Tags are checked here rather than trusted to the
 * service's filters: emulators ignore some tag filters (NAT gateways).
 */
final class NetworkParts {

    /** Endpoint and NAT gateway states that still hold (or will hold) the part; others are on their way out. */
    private static final List<String> GONE = List.of("deleting", "deleted", "failed", "rejected", "expired");

    private final LaunchContext ctx;
    private final NetworkModel model;
    private final String stepId;

    NetworkParts(LaunchContext ctx, String stepId) {
        this.ctx = ctx;
        this.model = ctx.blueprint().network();
        this.stepId = stepId;
    }

    NetworkModel model() {
        return model;
    }

    Ec2Client ec2() {
        return ctx.ec2();
    }

    /** Holds the region's network lock; tells the user while another launch holds it. */
    NetworkLock lock(NetworkLock.Part part) throws Exception {
        return NetworkLock.acquire(ctx.home(), model.region(), part, ctx.waits(),
                s -> ctx.waiting(stepId, "another launch is changing Hangar's network in " + model.region() + " (" + s + " s)"));
    }

    // ---- tags

    /** The Name of a part, e.g. hangar-network-private-subnet-us-east-1a; what the journal calls it until its ID is known. */
    static String name(String part, String zoneOrService) {
        return NetworkModel.name(part, zoneOrService);
    }

    TagSpecification tags(ResourceType type, String part, String zone, String name) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Name", name);
        all.putAll(model.tags());
        all.put(NetworkModel.PART_TAG, part);
        if (zone != null) {
            all.put(NetworkModel.ZONE_TAG, zone);
        }
        return TagSpecification.builder().resourceType(type)
                .tags(all.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build();
    }

    /** Whether the tags mark a part of this region's network, of this part (and zone, unless null). */
    boolean isPart(List<Tag> tags, String part, String zone) {
        return has(tags, NetworkModel.TAG, model.region()) && has(tags, NetworkModel.PART_TAG, part)
                && (zone == null || has(tags, NetworkModel.ZONE_TAG, zone));
    }

    static boolean has(List<Tag> tags, String key, String value) {
        return tags.stream().anyMatch(t -> t.key().equals(key) && t.value().equals(value));
    }

    static String tag(List<Tag> tags, String key) {
        return tags.stream().filter(t -> t.key().equals(key)).map(Tag::value).findFirst().orElse(null);
    }

    // ---- looking

    /** The region's Hangar VPC; if an ambiguous create ever made two, every launch picks the same one (the lowest ID). */
    Optional<Vpc> vpc() {
        return ec2().describeVpcs(r -> r.filters(InputChecks.filter("tag:" + NetworkModel.TAG, model.region()),
                        InputChecks.filter("tag:" + NetworkModel.PART_TAG, NetworkModel.PART_VPC))).vpcs().stream()
                .filter(v -> isPart(v.tags(), NetworkModel.PART_VPC, null)).min(Comparator.comparing(Vpc::vpcId));
    }

    List<Subnet> subnets(String vpcId) {
        return ec2().describeSubnets(r -> r.filters(InputChecks.filter("vpc-id", vpcId))).subnets().stream()
                .filter(s -> has(s.tags(), NetworkModel.TAG, model.region())).toList();
    }

    List<RouteTable> routeTables(String vpcId) {
        return ec2().describeRouteTables(r -> r.filters(InputChecks.filter("vpc-id", vpcId))).routeTables().stream()
                .filter(t -> has(t.tags(), NetworkModel.TAG, model.region())).toList();
    }

    Optional<InternetGateway> internetGateway() {
        return ec2().describeInternetGateways(r -> r.filters(InputChecks.filter("tag:" + NetworkModel.TAG, model.region()))).internetGateways()
                .stream().filter(g -> isPart(g.tags(), NetworkModel.PART_INTERNET_GATEWAY, null)).min(Comparator.comparing(InternetGateway::internetGatewayId));
    }

    Optional<Address> elasticIp() {
        return ec2().describeAddresses(r -> r.filters(InputChecks.filter("tag:" + NetworkModel.TAG, model.region()))).addresses().stream()
                .filter(a -> isPart(a.tags(), NetworkModel.PART_ELASTIC_IP, null)).min(Comparator.comparing(Address::allocationId));
    }

    /** The network's NAT gateway that is pending or available. */
    Optional<NatGateway> natGateway(String vpcId) {
        return ec2().describeNatGateways(r -> r.filter(InputChecks.filter("vpc-id", vpcId))).natGateways().stream()
                .filter(n -> !GONE.contains(n.stateAsString()) && isPart(n.tags(), NetworkModel.PART_NAT_GATEWAY, null))
                .min(Comparator.comparing(NatGateway::natGatewayId));
    }

    /** The VPC's endpoints for the service (e.g. com.amazonaws.us-east-1.s3) that are not on their way out. */
    Optional<VpcEndpoint> endpoint(String vpcId, String serviceName) {
        return ec2().describeVpcEndpoints(r -> r.filters(InputChecks.filter("vpc-id", vpcId), InputChecks.filter("service-name", serviceName)))
                .vpcEndpoints().stream().filter(e -> serviceName.equals(e.serviceName()) && !GONE.contains(e.stateAsString().toLowerCase()))
                .min(Comparator.comparing(VpcEndpoint::vpcEndpointId));
    }

    Optional<SecurityGroup> securityGroup(String vpcId, String groupName) {
        return ec2().describeSecurityGroups(r -> r.filters(InputChecks.filter("vpc-id", vpcId), InputChecks.filter("group-name", groupName)))
                .securityGroups().stream().filter(g -> g.groupName().equals(groupName)).findFirst();
    }

    // ---- creating

    /**
     * The part's ID: {@code found}'s, or the one {@code create} makes, journaled intended (under the part's Name) before
     * the call and created after it. A part found that this launch's journal shows intended was made by an earlier
     * attempt of this launch (resumed, or its answer lost): it is journaled as this launch's too.
     */
    String ensure(String kind, String name, Optional<String> found, Supplier<String> create) {
        if (found.isPresent()) {
            if (journaled(kind, name)) {
                ctx.journal().created(kind, found.get(), stepId, name);
            }
            return found.get();
        }
        ctx.journal().intend(kind, name, stepId);
        String id = create.get();
        ctx.journal().created(kind, id, stepId, name);
        return id;
    }

    private boolean journaled(String kind, String name) {
        return ctx.journal().snapshot().resources().stream()
                .anyMatch(r -> r.type().equals(kind) && r.id().equals(name) && r.state().equals(ResourceRecord.INTENDED));
    }

    /**
     * A create that EC2 cannot make idempotent (no ClientToken, no unique name), through the single-attempt client:
     * after a failure that may have acted (a lost answer, a reset), look for the part by its tags before trying again.
     */
    String createUntagged(Function<Ec2Client, String> create, Supplier<Optional<String>> find) {
        Ec2Client once = ctx.aws().ec2SingleAttempt(model.region());
        int attempts = Math.max(ctx.aws().settings().maxAttempts(), 1);
        Duration delay = Duration.ofMillis(100);
        for (int attempt = 1; ; attempt++) {
            try {
                return create.apply(once);
            } catch (SdkException e) {
                if (!mayRetry(e) || attempt >= attempts) {
                    throw e;
                }
                Optional<String> landed = find.get();
                if (landed.isPresent()) {
                    return landed.get();
                }
                sleep(delay);
                delay = delay.multipliedBy(2);
            }
        }
    }

    private static boolean mayRetry(SdkException e) {
        if (e instanceof SdkClientException) {
            return true; // no answer: a reset, a timeout
        }
        return e instanceof AwsServiceException ase && (ase.statusCode() >= 500 || ase.isThrottlingException()
                || "RequestLimitExceeded".equals(AwsErrors.code(ase)));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Runs {@code work} for each zone side by side; the first failure is thrown once every zone's work has ended. */
    static <T> Map<String, T> perZone(List<String> zones, Function<String, T> work) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, zones.size()), r -> {
            Thread t = new Thread(r, "hangar-network-zone");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, java.util.concurrent.Future<T>> running = new LinkedHashMap<>();
            zones.forEach(z -> running.put(z, pool.submit(() -> work.apply(z))));
            Map<String, T> done = new LinkedHashMap<>();
            Exception first = null;
            for (var e : running.entrySet()) {
                try {
                    done.put(e.getKey(), e.getValue().get());
                } catch (java.util.concurrent.ExecutionException failed) {
                    if (first == null) {
                        first = failed.getCause() instanceof Exception cause ? cause : new IllegalStateException(failed.getCause());
                    }
                }
            }
            if (first != null) {
                throw first;
            }
            return done;
        } finally {
            pool.shutdown();
        }
    }

}
