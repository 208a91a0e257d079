package dev.hangar.testing;

import dev.hangar.blueprint.LaunchTags;
import dev.hangar.blueprint.NetworkModel;
import dev.hangar.spec.NetworkMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * Hangar's network in a region, made directly with SDK calls and tagged exactly as {@link NetworkModel} says, for tests of
 * what reads and removes it (not of how launches create it): a VPC, an internet gateway, a public subnet with its route
 * table to the internet gateway and a NAT gateway with its Elastic IP in the first zone, per zone a private subnet whose
 * route table sends 0.0.0.0/0 to the NAT, the S3 gateway endpoint on the private tables; with {@code isolated}, per zone an
 * isolated subnet and route table (also on the S3 endpoint), the five interface endpoints and their security group.
 *
 * <pre>{@code
 * NetworkFixture.Network net = NetworkFixture.create(aws.clients().ec2(REGION), REGION, caller, true, "us-east-1a", "us-east-1b");
 * String inside = NetworkFixture.runInstance(ec2, net.privateSubnets().get("us-east-1a"), Map.of());
 * }</pre>
 */
public final class NetworkFixture {

    /** What was made, by part; {@code privateSubnets} and {@code isolatedSubnets} by zone. */
    public record Network(String region, String vpcId, String internetGatewayId, String publicSubnetId, String natGatewayId, String allocationId,
                          Map<String, String> privateSubnets, Map<String, String> isolatedSubnets, List<String> routeTableIds,
                          String s3EndpointId, List<String> interfaceEndpointIds, String endpointGroupId) {

        /** Every ID, for "nothing of it is left" checks. */
        public int partCount() {
            return 1 + 1 + 1 + 1 + 1 + privateSubnets.size() + isolatedSubnets.size() + routeTableIds.size() + 1 + interfaceEndpointIds.size()
                    + (endpointGroupId == null ? 0 : 1);
        }
    }

    private NetworkFixture() {
    }

    /**
     * @param createdBy the {@code hangar:created-by} tag every part carries
     * @param isolated  also the isolated subnets, interface endpoints and their security group
     * @param zones     the zones to cover; the NAT gateway and the public subnet sit in the first
     */
    public static Network create(Ec2Client ec2, String region, String createdBy, boolean isolated, String... zones) {
        NetworkModel model = new NetworkModel(isolated ? NetworkMode.ISOLATED : NetworkMode.PRIVATE, region, Map.of());
        String natZone = zones[0];
        String vpc = ec2.createVpc(r -> r.cidrBlock(NetworkModel.VPC_CIDR)
                .tagSpecifications(tags(ResourceType.VPC, region, createdBy, NetworkModel.PART_VPC, null))).vpc().vpcId();
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsSupport(a -> a.value(true)));
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(a -> a.value(true)));
        String igw = ec2.createInternetGateway(r -> r.tagSpecifications(tags(ResourceType.INTERNET_GATEWAY, region, createdBy,
                NetworkModel.PART_INTERNET_GATEWAY, null))).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));

        List<String> tables = new ArrayList<>();
        String publicSubnet = subnet(ec2, model, vpc, NetworkModel.PART_PUBLIC_SUBNET, natZone, createdBy);
        String publicTable = table(ec2, region, vpc, NetworkModel.PART_PUBLIC_ROUTES, natZone, createdBy, publicSubnet);
        ec2.createRoute(r -> r.routeTableId(publicTable).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        tables.add(publicTable);

        String allocation = ec2.allocateAddress(r -> r.domain("vpc")
                .tagSpecifications(tags(ResourceType.ELASTIC_IP, region, createdBy, NetworkModel.PART_ELASTIC_IP, natZone))).allocationId();
        String nat = ec2.createNatGateway(r -> r.subnetId(publicSubnet).allocationId(allocation)
                .tagSpecifications(tags(ResourceType.NATGATEWAY, region, createdBy, NetworkModel.PART_NAT_GATEWAY, natZone))).natGateway().natGatewayId();

        Map<String, String> privateSubnets = new LinkedHashMap<>();
        Map<String, String> isolatedSubnets = new LinkedHashMap<>();
        List<String> s3Tables = new ArrayList<>();
        for (String zone : zones) {
            String subnet = subnet(ec2, model, vpc, NetworkModel.PART_PRIVATE_SUBNET, zone, createdBy);
            privateSubnets.put(zone, subnet);
            String table = table(ec2, region, vpc, NetworkModel.PART_PRIVATE_ROUTES, zone, createdBy, subnet);
            ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat));
            tables.add(table);
            s3Tables.add(table);
            if (isolated) {
                String closed = subnet(ec2, model, vpc, NetworkModel.PART_ISOLATED_SUBNET, zone, createdBy);
                isolatedSubnets.put(zone, closed);
                String closedTable = table(ec2, region, vpc, NetworkModel.PART_ISOLATED_ROUTES, zone, createdBy, closed);
                tables.add(closedTable);
                s3Tables.add(closedTable);
            }
        }
        String s3 = ec2.createVpcEndpoint(r -> r.vpcId(vpc).vpcEndpointType(VpcEndpointType.GATEWAY).serviceName(model.serviceName("s3"))
                .routeTableIds(s3Tables).tagSpecifications(tags(ResourceType.VPC_ENDPOINT, region, createdBy, NetworkModel.PART_S3_ENDPOINT, null)))
                .vpcEndpoint().vpcEndpointId();

        String group = null;
        List<String> interfaces = new ArrayList<>();
        if (isolated) {
            String groupId = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName(NetworkModel.name(NetworkModel.PART_ENDPOINT_SECURITY_GROUP, null))
                    .description("Hangar network: HTTPS to the VPC endpoints from inside the VPC")
                    .tagSpecifications(tags(ResourceType.SECURITY_GROUP, region, createdBy, NetworkModel.PART_ENDPOINT_SECURITY_GROUP, null))).groupId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(p -> p.ipProtocol("tcp").fromPort(443).toPort(443)
                    .ipRanges(i -> i.cidrIp(NetworkModel.VPC_CIDR))));
            group = groupId;
            for (String service : model.interfaceServices()) {
                interfaces.add(ec2.createVpcEndpoint(r -> r.vpcId(vpc).vpcEndpointType(VpcEndpointType.INTERFACE).serviceName(model.serviceName(service))
                        .subnetIds(isolatedSubnets.values()).securityGroupIds(groupId).privateDnsEnabled(true)
                        .tagSpecifications(tags(ResourceType.VPC_ENDPOINT, region, createdBy, NetworkModel.PART_INTERFACE_ENDPOINT, null)))
                        .vpcEndpoint().vpcEndpointId());
            }
        }
        return new Network(region, vpc, igw, publicSubnet, nat, allocation, privateSubnets, isolatedSubnets, tables, s3, interfaces, group);
    }

    /** Runs a g5.xlarge in the subnet, tagged with {@code tags} (none: an instance Hangar did not launch). */
    public static String runInstance(Ec2Client ec2, String subnetId, Map<String, String> tags) {
        return ec2.runInstances(r -> {
            r.imageId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType("g5.xlarge").minCount(1).maxCount(1).subnetId(subnetId);
            if (!tags.isEmpty()) {
                r.tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                        .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build());
            }
        }).instances().get(0).instanceId();
    }

    /**
     * Everything in the region still tagged {@code hangar:network}, read without the engine's code, one line per part
     * (NAT gateways AWS lists as deleted, and endpoints as deleted, do not count).
     */
    public static List<String> leftovers(Ec2Client ec2, String region) {
        Filter ours = Filter.builder().name("tag:" + NetworkModel.TAG).values(region).build();
        List<String> left = new ArrayList<>();
        ec2.describeVpcs(r -> r.filters(ours)).vpcs().forEach(v -> left.add("vpc " + v.vpcId()));
        ec2.describeSubnets(r -> r.filters(ours)).subnets().forEach(s -> left.add("subnet " + s.subnetId()));
        ec2.describeRouteTables(r -> r.filters(ours)).routeTables().forEach(t -> left.add("route table " + t.routeTableId()));
        ec2.describeInternetGateways(r -> r.filters(ours)).internetGateways().forEach(g -> left.add("internet gateway " + g.internetGatewayId()));
        // moto ignores DescribeNatGateways' tag filter: the tags are checked here.
        ec2.describeNatGateways(r -> r.filter(ours)).natGateways().stream()
                .filter(n -> n.tags().stream().anyMatch(t -> t.key().equals(NetworkModel.TAG)) && !n.stateAsString().equals("deleted"))
                .forEach(n -> left.add("NAT gateway " + n.natGatewayId() + " (" + n.stateAsString() + ")"));
        ec2.describeAddresses(r -> r.filters(ours)).addresses().forEach(a -> left.add("Elastic IP " + a.allocationId()));
        ec2.describeVpcEndpoints(r -> r.filters(ours)).vpcEndpoints().stream().filter(e -> !e.stateAsString().equalsIgnoreCase("deleted"))
                .forEach(e -> left.add("endpoint " + e.vpcEndpointId()));
        ec2.describeSecurityGroups(r -> r.filters(ours)).securityGroups().forEach(g -> left.add("security group " + g.groupId()));
        return left;
    }

    private static String subnet(Ec2Client ec2, NetworkModel model, String vpc, String part, String zone, String createdBy) {
        return ec2.createSubnet(r -> r.vpcId(vpc).availabilityZone(zone).cidrBlock(model.subnetCidr(part, zone))
                .tagSpecifications(tags(ResourceType.SUBNET, model.region(), createdBy, part, zone))).subnet().subnetId();
    }

    private static String table(Ec2Client ec2, String region, String vpc, String part, String zone, String createdBy, String subnet) {
        String table = ec2.createRouteTable(r -> r.vpcId(vpc).tagSpecifications(tags(ResourceType.ROUTE_TABLE, region, createdBy, part, zone)))
                .routeTable().routeTableId();
        ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(subnet));
        return table;
    }

    private static TagSpecification tags(ResourceType type, String region, String createdBy, String part, String zone) {
        List<Tag> tags = new ArrayList<>();
        tags.add(Tag.builder().key("Name").value(NetworkModel.name(part, zone)).build());
        tags.add(Tag.builder().key(NetworkModel.TAG).value(region).build());
        tags.add(Tag.builder().key(NetworkModel.PART_TAG).value(part).build());
        if (zone != null) {
            tags.add(Tag.builder().key(NetworkModel.ZONE_TAG).value(zone).build());
        }
        if (createdBy != null) {
            tags.add(Tag.builder().key(LaunchTags.CREATED_BY).value(createdBy).build());
        }
        return TagSpecification.builder().resourceType(type).tags(tags).build();
    }
}
