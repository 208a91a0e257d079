package dev.hangar.provision;

import dev.hangar.aws.AwsClients;
import dev.hangar.blueprint.NetworkModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * Everything in the (emulated) account tagged {@code hangar:network=<region>}, read without the engine's code: tests
 * judge Hangar's network by what AWS holds. Tags are checked here (emulators ignore some tag filters); NAT gateways
 * and endpoints that are deleted, and the VPC's main route table and default group (AWS makes those), do not count.
 */
public record TaggedNetwork(List<Vpc> vpcs, List<Subnet> subnets, List<RouteTable> routeTables, List<InternetGateway> internetGateways,
                            List<NatGateway> natGateways, List<Address> elasticIps, List<VpcEndpoint> endpoints, List<SecurityGroup> securityGroups) {

    public static TaggedNetwork of(AwsClients aws, String region) {
        Ec2Client ec2 = aws.ec2(region);
        return new TaggedNetwork(
                ec2.describeVpcs().vpcs().stream().filter(v -> ours(v.tags(), region)).toList(),
                ec2.describeSubnets().subnets().stream().filter(s -> ours(s.tags(), region)).toList(),
                ec2.describeRouteTables().routeTables().stream().filter(t -> ours(t.tags(), region)).toList(),
                ec2.describeInternetGateways().internetGateways().stream().filter(g -> ours(g.tags(), region)).toList(),
                ec2.describeNatGateways(r -> { }).natGateways().stream().filter(n -> ours(n.tags(), region) && !"deleted".equals(n.stateAsString())).toList(),
                ec2.describeAddresses().addresses().stream().filter(a -> ours(a.tags(), region)).toList(),
                ec2.describeVpcEndpoints().vpcEndpoints().stream().filter(e -> ours(e.tags(), region) && !"deleted".equalsIgnoreCase(e.stateAsString())).toList(),
                ec2.describeSecurityGroups().securityGroups().stream().filter(g -> ours(g.tags(), region)).toList());
    }

    private static boolean ours(List<Tag> tags, String region) {
        return tags.stream().anyMatch(t -> t.key().equals(NetworkModel.TAG) && t.value().equals(region));
    }

    static String tag(List<Tag> tags, String key) {
        return tags.stream().filter(t -> t.key().equals(key)).map(Tag::value).findFirst().orElse(null);
    }

    /** How many parts of each kind (subnets and route tables by their part tag), e.g. {vpc=1, private-subnet=5, …}. */
    public Map<String, Long> counts() {
        List<String> kinds = new ArrayList<>();
        vpcs.forEach(v -> kinds.add(NetworkModel.PART_VPC));
        subnets.forEach(s -> kinds.add(tag(s.tags(), NetworkModel.PART_TAG)));
        routeTables.forEach(t -> kinds.add(tag(t.tags(), NetworkModel.PART_TAG)));
        internetGateways.forEach(g -> kinds.add(NetworkModel.PART_INTERNET_GATEWAY));
        natGateways.forEach(n -> kinds.add(NetworkModel.PART_NAT_GATEWAY));
        elasticIps.forEach(a -> kinds.add(NetworkModel.PART_ELASTIC_IP));
        endpoints.forEach(e -> kinds.add(tag(e.tags(), NetworkModel.PART_TAG)));
        securityGroups.forEach(g -> kinds.add(NetworkModel.PART_ENDPOINT_SECURITY_GROUP));
        return kinds.stream().collect(Collectors.groupingBy(k -> String.valueOf(k), java.util.TreeMap::new, Collectors.counting()));
    }

    /** Every part, one line each; empty when nothing tagged hangar:network is left. */
    public List<String> parts() {
        List<String> all = new ArrayList<>();
        vpcs.forEach(v -> all.add("VPC " + v.vpcId()));
        subnets.forEach(s -> all.add("subnet " + s.subnetId()));
        routeTables.forEach(t -> all.add("route table " + t.routeTableId()));
        internetGateways.forEach(g -> all.add("internet gateway " + g.internetGatewayId()));
        natGateways.forEach(n -> all.add("NAT gateway " + n.natGatewayId() + " (" + n.stateAsString() + ")"));
        elasticIps.forEach(a -> all.add("Elastic IP " + a.allocationId()));
        endpoints.forEach(e -> all.add("endpoint " + e.vpcEndpointId() + " " + e.serviceName()));
        securityGroups.forEach(g -> all.add("security group " + g.groupId()));
        return all;
    }

    /**
     * Where a private network for {@code zones} zones holds anything but exactly one of each: one VPC, a private subnet
     * and route table per zone, one public subnet and route table, one internet gateway, NAT gateway, Elastic IP and S3
     * endpoint.
     */
    public List<String> privateNetworkProblems(int zones) {
        Map<String, Long> expected = new java.util.TreeMap<>(Map.of(NetworkModel.PART_VPC, 1L, NetworkModel.PART_PRIVATE_SUBNET, (long) zones,
                NetworkModel.PART_PRIVATE_ROUTES, (long) zones, NetworkModel.PART_PUBLIC_SUBNET, 1L, NetworkModel.PART_PUBLIC_ROUTES, 1L,
                NetworkModel.PART_INTERNET_GATEWAY, 1L, NetworkModel.PART_NAT_GATEWAY, 1L, NetworkModel.PART_ELASTIC_IP, 1L,
                NetworkModel.PART_S3_ENDPOINT, 1L));
        return counts().equals(expected) ? List.of() : List.of("network parts " + counts() + ", expected " + expected);
    }
}
