package dev.hangar.testing;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The {@link TimingProfile} at work in the front server, by rewriting moto's answers (moto settles everything at once):
 * it notes when each instance profile, instance, NAT gateway and VPC endpoint was created (when its Create call was
 * answered), refuses RunInstances with an instance profile still propagating, and shows {@code pending} in the
 * RunInstances, DescribeInstances, Create/DescribeNatGateways and Create/DescribeVpcEndpoints answers until the
 * resource's time is up; Session Manager's inventory asks it when an instance's agent may be online. What existed
 * before the profile was turned on counts as settled. Off (null profile): answers pass untouched.
 */
final class RealisticTiming {

    private record Endpoint(String vpcId, String serviceName, String type, Instant createdAt) {
    }

    private record NatGateway(String vpcId, Instant createdAt) {
    }

    /** The interface endpoints the SSM agent needs when there is no NAT gateway. */
    private static final List<String> SESSION_MANAGER_SERVICES = List.of("ssm", "ssmmessages", "ec2messages");

    private volatile TimingProfile profile;
    private final Map<String, Instant> instanceProfiles = new ConcurrentHashMap<>();
    private final Map<String, Instant> instances = new ConcurrentHashMap<>();
    private final Map<String, NatGateway> natGateways = new ConcurrentHashMap<>();
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

    /** Turns the profile on (null: off), forgetting what an earlier one saw. */
    void use(TimingProfile profile) {
        forget();
        this.profile = profile;
    }

    TimingProfile profile() {
        return profile;
    }

    void reset() {
        use(null);
    }

    private void forget() {
        instanceProfiles.clear();
        instances.clear();
        natGateways.clear();
        endpoints.clear();
    }

    /** AWS's answer instead of moto's, or null to let the call through: RunInstances while its instance profile propagates. */
    WireResponse refuse(Call call) {
        TimingProfile p = profile;
        if (p == null || !"ec2".equals(call.service()) || !"RunInstances".equals(call.action())) {
            return null;
        }
        String name = call.param("IamInstanceProfile.Name");
        String arn = call.param("IamInstanceProfile.Arn");
        String profileName = name != null ? name : arn == null ? null : arn.substring(arn.lastIndexOf('/') + 1);
        Instant created = profileName == null ? null : instanceProfiles.get(profileName);
        if (created == null || !now(p).isBefore(created.plus(p.instanceProfileInvisible()))) {
            return null;
        }
        // What EC2 answers (to a DryRun too) until IAM has propagated a new profile to it.
        String parameter = name != null ? "iamInstanceProfile.name" : "iamInstanceProfile.arn";
        return AwsErrors.render("ec2", 400, "InvalidParameterValue", "Value (" + (name != null ? name : arn) + ") for parameter "
                + parameter + " is invalid. Invalid IAM Instance Profile " + (name != null ? "name" : "ARN"));
    }

    /** Notes what the call created and shows what is not settled yet as pending. */
    WireResponse amend(Call call, WireResponse response) {
        TimingProfile p = profile;
        if (p == null || response.status() >= 300) {
            return response;
        }
        if ("iam".equals(call.service()) && "CreateInstanceProfile".equals(call.action())) {
            instanceProfiles.putIfAbsent(call.param("InstanceProfileName"), now(p));
            return response;
        }
        if (!"ec2".equals(call.service())) {
            return response;
        }
        try {
            return switch (call.action()) {
                case "RunInstances", "DescribeInstances" -> instances(p, response, "RunInstances".equals(call.action()));
                case "CreateNatGateway", "DescribeNatGateways" -> natGateways(p, response, "CreateNatGateway".equals(call.action()));
                case "CreateVpcEndpoint", "DescribeVpcEndpoints" -> endpoints(p, response, "CreateVpcEndpoint".equals(call.action()));
                default -> response;
            };
        } catch (IOException e) {
            throw new IllegalStateException("moto's " + call.action() + " answer could not be read", e);
        }
    }

    /** EC2's state of the instance as the profile shows it: {@code pending} while its time is not up. */
    String instanceState(String instanceId, String motoState) {
        TimingProfile p = profile;
        return p != null && "running".equals(motoState) && stillPending(p, instances.get(instanceId), p.instancePending()) ? "pending" : motoState;
    }

    /**
     * Whether the instance's SSM agent can have registered by now: {@link TimingProfile#sessionManagerAfterRunning} after
     * it began to run, and not before its VPC gives it a way to Systems Manager (see {@link TimingProfile#sessionManagerNeedsRoute}).
     */
    boolean agentMayBeOnline(String instanceId, String vpcId) {
        TimingProfile p = profile;
        Instant launched = p == null ? null : instances.get(instanceId);
        if (launched == null) {
            return true;
        }
        Instant online = launched.plus(p.instancePending()).plus(p.sessionManagerAfterRunning());
        if (p.sessionManagerNeedsRoute()) {
            Optional<Instant> route = routeToSystemsManager(p, vpcId);
            if (route.isPresent() && route.get().isAfter(online)) {
                online = route.get();
            }
        }
        return !now(p).isBefore(online);
    }

    /**
     * When the VPC first gives its instances a way to Systems Manager: its first NAT gateway available, or all three
     * SSM interface endpoints available; {@link Instant#MAX} when it has endpoints but never both; empty for a VPC
     * with neither NAT gateway nor interface endpoint (reached through an internet gateway: nothing to wait for).
     */
    private Optional<Instant> routeToSystemsManager(TimingProfile p, String vpcId) {
        Optional<Instant> nat = natGateways.values().stream().filter(n -> n.vpcId().equals(vpcId))
                .map(n -> n.createdAt().plus(p.natGatewayPending())).min(Instant::compareTo);
        List<Endpoint> inVpc = endpoints.values().stream().filter(e -> e.vpcId().equals(vpcId) && "Interface".equalsIgnoreCase(e.type())).toList();
        Optional<Instant> viaEndpoints = Optional.empty();
        if (!inVpc.isEmpty()) {
            Instant latest = Instant.MIN;
            for (String service : SESSION_MANAGER_SERVICES) {
                Optional<Instant> ready = inVpc.stream().filter(e -> e.serviceName().endsWith("." + service))
                        .map(e -> e.createdAt().plus(p.vpcEndpointPending())).min(Instant::compareTo);
                latest = ready.isEmpty() ? Instant.MAX : ready.get().isAfter(latest) ? ready.get() : latest;
            }
            viaEndpoints = Optional.of(latest);
        }
        if (nat.isPresent() && viaEndpoints.isPresent()) {
            return Optional.of(nat.get().isBefore(viaEndpoints.get()) ? nat.get() : viaEndpoints.get());
        }
        return nat.isPresent() ? nat : viaEndpoints;
    }

    private WireResponse instances(TimingProfile p, WireResponse response, boolean created) throws IOException {
        Document doc = Ec2Xml.parse(response.body());
        boolean changed = false;
        for (Element item : Ec2Xml.resources(doc, "instancesSet", null)) {
            String id = Ec2Xml.text(item, "instanceId");
            if (created) {
                instances.putIfAbsent(id, now(p));
            }
            Element state = Ec2Xml.child(item, "instanceState");
            if (state != null && "running".equals(Ec2Xml.text(state, "name")) && stillPending(p, instances.get(id), p.instancePending())) {
                Ec2Xml.child(state, "code").setTextContent("0");
                Ec2Xml.child(state, "name").setTextContent("pending");
                changed = true;
            }
        }
        return changed ? rewritten(response, doc) : response;
    }

    private WireResponse natGateways(TimingProfile p, WireResponse response, boolean created) throws IOException {
        Document doc = Ec2Xml.parse(response.body());
        boolean changed = false;
        for (Element nat : Ec2Xml.resources(doc, "natGatewaySet", created ? "natGateway" : null)) {
            String id = Ec2Xml.text(nat, "natGatewayId");
            if (created) {
                natGateways.putIfAbsent(id, new NatGateway(Ec2Xml.text(nat, "vpcId"), now(p)));
            }
            NatGateway known = natGateways.get(id);
            changed |= showPending(nat, "available", known != null && stillPending(p, known.createdAt(), p.natGatewayPending()));
        }
        return changed ? rewritten(response, doc) : response;
    }

    private WireResponse endpoints(TimingProfile p, WireResponse response, boolean created) throws IOException {
        Document doc = Ec2Xml.parse(response.body());
        boolean changed = false;
        for (Element endpoint : Ec2Xml.resources(doc, "vpcEndpointSet", created ? "vpcEndpoint" : null)) {
            String id = Ec2Xml.text(endpoint, "vpcEndpointId");
            if (created) {
                endpoints.putIfAbsent(id, new Endpoint(Ec2Xml.text(endpoint, "vpcId"), String.valueOf(Ec2Xml.text(endpoint, "serviceName")),
                        Ec2Xml.text(endpoint, "vpcEndpointType"), now(p)));
            }
            Endpoint known = endpoints.get(id);
            // EC2 spells endpoint states in lower case on the wire ("available"), as moto does.
            changed |= showPending(endpoint, "available", known != null && stillPending(p, known.createdAt(), p.vpcEndpointPending()));
        }
        return changed ? rewritten(response, doc) : response;
    }

    private static boolean showPending(Element resource, String settled, boolean pending) {
        Element state = Ec2Xml.child(resource, "state");
        if (!pending || state == null || !settled.equals(state.getTextContent().strip())) {
            return false;
        }
        state.setTextContent("pending");
        return true;
    }

    private static boolean stillPending(TimingProfile p, Instant createdAt, java.time.Duration pending) {
        return createdAt != null && now(p).isBefore(createdAt.plus(pending));
    }

    private static Instant now(TimingProfile p) {
        return p.clock().instant();
    }

    private static WireResponse rewritten(WireResponse response, Document doc) {
        return new WireResponse(response.status(), response.headers(), Ec2Xml.write(doc));
    }
}
