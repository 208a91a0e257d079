package dev.hangar.review;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.NetworkModel;
import dev.hangar.blueprint.SecurityGroupModel;
import dev.hangar.checklist.AccountFacts;
import dev.hangar.checklist.HangarSubnet;
import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.NetworkMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the instance sits and what it can reach, as a few lines of text that read the same in a terminal and in the
 * window: one line for the place, then one route per line (where traffic goes, and a note on what that means).
 *
 * <pre>
 * instance (no public IP) in Hangar's private subnet 10.213.0.0/20 in us-east-1a of VPC 10.213.0.0/16
 *   → NAT gateway → internet gateway → internet   outbound only, ports 80 and 443: SSM, CloudWatch, pip, model downloads
 *   → S3 gateway endpoint → S3                    the data bucket, without the NAT or its per-GB charge
 *   ← inbound: none                               no route in from the internet and no rule in the security group
 * </pre>
 *
 * @param mode   the spec's network; for an existing subnetId the place says so
 * @param place  the instance and its subnet
 * @param routes what it can reach (→), what it cannot (✗), and what reaches it (←)
 */
public record NetworkDiagram(NetworkMode mode, String place, List<Route> routes) {

    /** @param path arrows from the instance, e.g. "→ S3 gateway endpoint → S3"; @param note what it means */
    public record Route(String path, String note) {
    }

    public NetworkDiagram {
        routes = List.copyOf(routes);
    }

    /** @param facts what preflight saw of an existing subnet (unknown offline); Hangar's network needs none */
    public static NetworkDiagram of(Blueprint blueprint, AccountFacts facts) {
        LaunchSpec spec = blueprint.spec();
        NetworkModel network = blueprint.network();
        boolean publicIp = blueprint.instance().associatePublicIp();
        String instance = publicIp ? "instance (public IP)" : "instance (no public IP)";
        List<Route> routes = new ArrayList<>();
        String place;
        if (network != null) {
            place = instance + " in " + HangarSubnet.describe(network, spec.availabilityZone()) + " of VPC " + NetworkModel.VPC_CIDR;
            if (network.needsNat()) {
                routes.add(new Route("→ NAT gateway → internet gateway → internet", "outbound only, " + ports(blueprint)
                        + ": SSM, CloudWatch, pip, model downloads"));
                routes.add(new Route("→ S3 gateway endpoint → S3", "the data bucket, without the NAT or its per-GB charge"));
            } else {
                routes.add(new Route("→ interface endpoints → SSM, CloudWatch, Logs", String.join(", ", network.interfaceServices())
                        + "; private DNS; 443 from the VPC only"));
                routes.add(new Route("→ S3 gateway endpoint → S3", "the data bucket: stage packages and models here"));
                routes.add(new Route("✗ internet", "no route out: pip install and model downloads will not work"));
            }
        } else if (spec.subnetId() == null) {
            place = instance + " in a default subnet of the region's default VPC";
            routes.add(new Route("→ internet gateway → internet, SSM, S3, CloudWatch", "outbound, " + ports(blueprint)
                    + ", from the instance's public IP"));
        } else {
            place = instance + " in subnet " + spec.subnetId() + (Boolean.TRUE.equals(facts.subnetIsDefaultVpc()) ? " of the default VPC" : "");
            routes.addAll(existingSubnetRoutes(blueprint, facts, publicIp));
        }
        routes.add(inbound(blueprint, publicIp));
        return new NetworkDiagram(spec.network(), place, routes);
    }

    private static List<Route> existingSubnetRoutes(Blueprint blueprint, AccountFacts facts, boolean publicIp) {
        List<Route> routes = new ArrayList<>();
        if (facts.subnetIsPublic() == null && facts.subnetHasNatOrEndpoints() == null) {
            routes.add(new Route("? routes not checked", "depend on the subnet's route tables and endpoints (preflight reads them)"));
            return routes;
        }
        if (Boolean.TRUE.equals(facts.subnetIsPublic()) && publicIp) {
            routes.add(new Route("→ internet gateway → internet, SSM, S3, CloudWatch", "outbound, " + ports(blueprint)
                    + ", from the instance's public IP"));
        } else if (Boolean.TRUE.equals(facts.subnetRoutesToNat())) {
            routes.add(new Route("→ NAT gateway → internet, SSM, S3, CloudWatch", "outbound only, " + ports(blueprint)));
        } else if (Boolean.TRUE.equals(facts.subnetHasNatOrEndpoints())) {
            routes.add(new Route("→ VPC endpoints → SSM, S3", "the subnet's VPC endpoints"));
            routes.add(new Route("✗ internet", "no NAT gateway route: pip install and model downloads will not work"));
        } else {
            routes.add(new Route("✗ internet, SSM, S3, CloudWatch", Boolean.TRUE.equals(facts.subnetIsPublic())
                    ? "the internet gateway needs a public IP, and there is no NAT gateway or endpoint"
                    : "no internet gateway, NAT gateway or endpoint route"));
        }
        return routes;
    }

    private static Route inbound(Blueprint blueprint, boolean publicIp) {
        List<SecurityGroupModel.Rule> ingress = blueprint.securityGroup().ingress();
        if (ingress.isEmpty()) {
            return new Route("← inbound: none", (publicIp ? "no rule in the security group"
                    : "no route in from the internet and no rule in the security group")
                    + (blueprint.spec().access() == Access.SSM ? "; connect through Session Manager" : ""));
        }
        SecurityGroupModel.Rule ssh = ingress.get(0);
        return new Route("← inbound: SSH (port " + ssh.fromPort() + ") from " + ssh.cidr(), publicIp ? "to the instance's public IP"
                : "only from inside the VPC: the instance has no public IP");
    }

    private static String ports(Blueprint blueprint) {
        SecurityGroupModel sg = blueprint.securityGroup();
        if (sg.egressAll()) {
            return "all ports";
        }
        List<String> ports = sg.egress().stream().map(r -> Integer.toString(r.fromPort())).toList();
        return ports.size() == 1 ? "port " + ports.get(0) : "ports " + String.join(" and ", ports);
    }

    /** The place, then each route indented with its note in a column: for a terminal or a monospace block. */
    public List<String> lines() {
        int width = routes.stream().mapToInt(r -> r.path().length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        lines.add(place);
        for (Route r : routes) {
            lines.add("  " + r.path() + " ".repeat(width - r.path().length() + 3) + r.note());
        }
        return lines;
    }

    public String text() {
        return String.join("\n", lines());
    }
}
