package dev.hangar.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.NetworkModel;
import java.util.Map;

/**
 * Hangar's network in CloudFormation, as the stack's own (see {@link ExportedNetwork}): the zone is a parameter and the
 * subnets' CIDRs come from a mapping keyed by zone, numbered as Hangar numbers them.
 */
final class CloudFormationNetwork {

    static final String VPC = "Vpc";
    static final String ZONE_PARAMETER = "AvailabilityZone";
    private static final String CIDRS = "SubnetCidrs";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CloudFormationNetwork() {
    }

    /** The logical ID of the instance's subnet. */
    static String instanceSubnet(Blueprint stack) {
        return logical(ExportedNetwork.instanceSubnetPart(stack));
    }

    static String comment(Blueprint stack) {
        return ExportedNetwork.note(stack) + "\nCloudFormation cannot empty the VPC's default security group (Hangar does): nothing "
                + "here uses it.";
    }

    static void parameters(ObjectNode p, Blueprint stack) {
        p.putObject(ZONE_PARAMETER).put("Type", "AWS::EC2::AvailabilityZone::Name").put("Default", ExportedNetwork.defaultZone(stack))
                .put("Description", ExportedNetwork.zoneHelp(stack));
    }

    /** Zone → {PrivateSubnet: cidr, …}: Fn::FindInMap picks the zone's. */
    static ObjectNode mappings(Blueprint stack) {
        ObjectNode byZone = NODES.objectNode();
        for (String part : ExportedNetwork.subnetParts(stack)) {
            ExportedNetwork.cidrs(stack, part).forEach((zone, cidr) -> {
                ObjectNode zoneNode = byZone.has(zone) ? (ObjectNode) byZone.get(zone) : byZone.putObject(zone);
                zoneNode.put(logical(part), cidr);
            });
        }
        ObjectNode m = NODES.objectNode();
        m.set(CIDRS, byZone);
        return m;
    }

    static void resources(ObjectNode r, Blueprint stack) {
        NetworkModel n = stack.network();
        ObjectNode vpc = NODES.objectNode().put("CidrBlock", NetworkModel.VPC_CIDR).put("EnableDnsSupport", true)
                .put("EnableDnsHostnames", true);
        vpc.set("Tags", tags(stack, NetworkModel.PART_VPC, false));
        r.set(VPC, resource("AWS::EC2::VPC", vpc));
        String instancePart = ExportedNetwork.instanceSubnetPart(stack);
        subnet(r, stack, instancePart);
        if (n.needsNat()) {
            ObjectNode igw = NODES.objectNode();
            igw.set("Tags", tags(stack, NetworkModel.PART_INTERNET_GATEWAY, false));
            r.set("InternetGateway", resource("AWS::EC2::InternetGateway", igw));
            ObjectNode attachment = NODES.objectNode();
            attachment.set("VpcId", ref(VPC));
            attachment.set("InternetGatewayId", ref("InternetGateway"));
            r.set("InternetGatewayAttachment", resource("AWS::EC2::VPCGatewayAttachment", attachment));
            subnet(r, stack, NetworkModel.PART_PUBLIC_SUBNET);
            routeTable(r, stack, NetworkModel.PART_PUBLIC_SUBNET, NetworkModel.PART_PUBLIC_ROUTES, "GatewayId", ref("InternetGateway"));
            ObjectNode eip = NODES.objectNode().put("Domain", "vpc");
            eip.set("Tags", tags(stack, NetworkModel.PART_ELASTIC_IP, false));
            r.set("NatElasticIp", resource("AWS::EC2::EIP", eip).put("DependsOn", "InternetGatewayAttachment"));
            ObjectNode nat = NODES.objectNode();
            nat.set("AllocationId", getAtt("NatElasticIp", "AllocationId"));
            nat.set("SubnetId", ref(logical(NetworkModel.PART_PUBLIC_SUBNET)));
            nat.set("Tags", tags(stack, NetworkModel.PART_NAT_GATEWAY, true));
            r.set("NatGateway", resource("AWS::EC2::NatGateway", nat));
            routeTable(r, stack, instancePart, NetworkModel.PART_PRIVATE_ROUTES, "NatGatewayId", ref("NatGateway"));
        } else {
            routeTable(r, stack, instancePart, NetworkModel.PART_ISOLATED_ROUTES, null, null);
        }
        ObjectNode s3 = NODES.objectNode().put("VpcEndpointType", "Gateway").put("ServiceName", n.serviceName("s3"));
        s3.set("VpcId", ref(VPC));
        s3.putArray("RouteTableIds").add(ref(logical(instancePart) + "RouteTable"));
        s3.set("Tags", tags(stack, NetworkModel.PART_S3_ENDPOINT, false));
        r.set("S3GatewayEndpoint", resource("AWS::EC2::VPCEndpoint", s3));
        if (!n.interfaceServices().isEmpty()) {
            interfaceEndpoints(r, stack);
        }
    }

    private static void interfaceEndpoints(ObjectNode r, Blueprint stack) {
        NetworkModel n = stack.network();
        ObjectNode sg = NODES.objectNode().put("GroupName", ExportedNetwork.name(stack, NetworkModel.PART_ENDPOINT_SECURITY_GROUP))
                .put("GroupDescription", "HTTPS from the VPC to the interface endpoints");
        sg.set("VpcId", ref(VPC));
        sg.putArray("SecurityGroupIngress").addObject().put("IpProtocol", "tcp").put("FromPort", 443).put("ToPort", 443)
                .put("CidrIp", NetworkModel.VPC_CIDR).put("Description", "HTTPS from the VPC");
        sg.set("Tags", tags(stack, NetworkModel.PART_ENDPOINT_SECURITY_GROUP, false));
        r.set("EndpointSecurityGroup", resource("AWS::EC2::SecurityGroup", sg));
        for (String service : n.interfaceServices()) {
            ObjectNode e = NODES.objectNode().put("VpcEndpointType", "Interface").put("ServiceName", n.serviceName(service))
                    .put("PrivateDnsEnabled", true);
            e.set("VpcId", ref(VPC));
            e.putArray("SubnetIds").add(ref(instanceSubnet(stack)));
            e.putArray("SecurityGroupIds").add(ref("EndpointSecurityGroup"));
            e.set("Tags", tags(stack, ExportedNetwork.name(stack, NetworkModel.PART_INTERFACE_ENDPOINT + "-" + service),
                    NetworkModel.PART_INTERFACE_ENDPOINT, false));
            r.set(pascal(service) + "Endpoint", resource("AWS::EC2::VPCEndpoint", e));
        }
    }

    private static void subnet(ObjectNode r, Blueprint stack, String part) {
        ObjectNode p = NODES.objectNode();
        p.set("VpcId", ref(VPC));
        p.set("AvailabilityZone", ref(ZONE_PARAMETER));
        ArrayNode find = p.putObject("CidrBlock").putArray("Fn::FindInMap");
        find.add(CIDRS).add(ref(ZONE_PARAMETER)).add(logical(part));
        p.put("MapPublicIpOnLaunch", false);
        p.set("Tags", tags(stack, part, true));
        r.set(logical(part), resource("AWS::EC2::Subnet", p));
    }

    /** A route table for one subnet, its association, and a default route to a target (none for the isolated subnet). */
    private static void routeTable(ObjectNode r, Blueprint stack, String subnetPart, String part, String targetKey, ObjectNode target) {
        String subnet = logical(subnetPart);
        ObjectNode table = NODES.objectNode();
        table.set("VpcId", ref(VPC));
        table.set("Tags", tags(stack, part, true));
        r.set(subnet + "RouteTable", resource("AWS::EC2::RouteTable", table));
        ObjectNode association = NODES.objectNode();
        association.set("SubnetId", ref(subnet));
        association.set("RouteTableId", ref(subnet + "RouteTable"));
        r.set(subnet + "RouteTableAssociation", resource("AWS::EC2::SubnetRouteTableAssociation", association));
        if (target != null) {
            ObjectNode route = NODES.objectNode().put("DestinationCidrBlock", "0.0.0.0/0");
            route.set("RouteTableId", ref(subnet + "RouteTable"));
            route.set(targetKey, target);
            ObjectNode res = resource("AWS::EC2::Route", route);
            if (targetKey.equals("GatewayId")) {
                res.put("DependsOn", "InternetGatewayAttachment");
            }
            r.set(subnet + "DefaultRoute", res);
        }
    }

    private static ArrayNode tags(Blueprint stack, String part, boolean zoned) {
        return tags(stack, ExportedNetwork.name(stack, part), part, zoned);
    }

    /** The stack's tags, the part's Name and part (and zone) tags; never {@link NetworkModel#TAG}. */
    private static ArrayNode tags(Blueprint stack, String name, String part, boolean zoned) {
        ArrayNode list = NODES.arrayNode();
        for (Map.Entry<String, String> t : stack.tags().entrySet()) {
            if (!t.getKey().equals("Name")) {
                list.addObject().put("Key", t.getKey()).put("Value", t.getValue());
            }
        }
        list.addObject().put("Key", "Name").put("Value", name);
        list.addObject().put("Key", NetworkModel.PART_TAG).put("Value", part);
        if (zoned) {
            list.addObject().put("Key", NetworkModel.ZONE_TAG).set("Value", ref(ZONE_PARAMETER));
        }
        return list;
    }

    /** private-subnet → PrivateSubnet */
    private static String logical(String part) {
        StringBuilder out = new StringBuilder();
        for (String word : part.split("-")) {
            out.append(pascal(word));
        }
        return out.toString();
    }

    private static String pascal(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static ObjectNode resource(String type, ObjectNode properties) {
        ObjectNode r = NODES.objectNode().put("Type", type);
        r.set("Properties", properties);
        return r;
    }

    private static ObjectNode ref(String name) {
        return NODES.objectNode().put("Ref", name);
    }

    private static ObjectNode getAtt(String resource, String attribute) {
        ObjectNode n = NODES.objectNode();
        n.putArray("Fn::GetAtt").add(resource).add(attribute);
        return n;
    }
}
