package dev.hangar.export;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.NetworkModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hangar's network in Terraform, as the stack's own (see {@link ExportedNetwork}): the VPC, the instance's subnet in
 * {@code var.availability_zone}, its route table, and a NAT gateway (private) or interface endpoints (isolated), plus
 * the S3 gateway endpoint. The instance and its security group refer to {@link #VPC_ID} and {@link #subnetId}.
 */
final class TerraformNetwork {

    static final String VPC_ID = "aws_vpc.hangar.id";
    private static final String ZONE = "var.availability_zone";

    private TerraformNetwork() {
    }

    /** The per-zone CIDR maps the subnets look up, for the locals block. */
    static Map<String, Map<String, String>> cidrLocals(Blueprint stack) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String part : ExportedNetwork.subnetParts(stack)) {
            out.put(local(part), ExportedNetwork.cidrs(stack, part));
        }
        return out;
    }

    static String subnetId(Blueprint stack) {
        return "aws_subnet." + kind(ExportedNetwork.instanceSubnetPart(stack)) + ".id";
    }

    static void write(HclWriter w, Blueprint stack) {
        NetworkModel n = stack.network();
        w.comment(ExportedNetwork.note(stack));
        w.open("variable \"availability_zone\"")
                .string("description", ExportedNetwork.zoneHelp(stack))
                .attr("type", "string")
                .string("default", ExportedNetwork.defaultZone(stack))
                .close().blank();
        w.open("resource \"aws_vpc\" \"hangar\"")
                .string("cidr_block", NetworkModel.VPC_CIDR)
                .attr("enable_dns_support", "true")
                .attr("enable_dns_hostnames", "true")
                .attr("tags", tags(stack, NetworkModel.PART_VPC, false))
                .close().blank();
        w.comment("The VPC's default security group keeps no rule, so nothing can use it by accident.");
        w.open("resource \"aws_default_security_group\" \"hangar\"")
                .attr("vpc_id", VPC_ID)
                .attr("tags", tags(stack, "default-security-group", false))
                .close().blank();
        String instancePart = ExportedNetwork.instanceSubnetPart(stack);
        subnet(w, stack, instancePart);
        if (n.needsNat()) {
            routeTable(w, stack, NetworkModel.PART_PRIVATE_ROUTES, instancePart, "nat_gateway_id", "aws_nat_gateway.hangar.id");
            w.open("resource \"aws_internet_gateway\" \"hangar\"")
                    .attr("vpc_id", VPC_ID)
                    .attr("tags", tags(stack, NetworkModel.PART_INTERNET_GATEWAY, false))
                    .close().blank();
            subnet(w, stack, NetworkModel.PART_PUBLIC_SUBNET);
            routeTable(w, stack, NetworkModel.PART_PUBLIC_ROUTES, NetworkModel.PART_PUBLIC_SUBNET, "gateway_id", "aws_internet_gateway.hangar.id");
            w.open("resource \"aws_eip\" \"nat\"")
                    .string("domain", "vpc")
                    .attr("tags", tags(stack, NetworkModel.PART_ELASTIC_IP, false))
                    .attr("depends_on", "[aws_internet_gateway.hangar]")
                    .close().blank();
            w.open("resource \"aws_nat_gateway\" \"hangar\"")
                    .attr("allocation_id", "aws_eip.nat.id")
                    .attr("subnet_id", "aws_subnet.public.id")
                    .attr("tags", tags(stack, NetworkModel.PART_NAT_GATEWAY, true))
                    .attr("depends_on", "[aws_internet_gateway.hangar]")
                    .close().blank();
        } else {
            routeTable(w, stack, NetworkModel.PART_ISOLATED_ROUTES, instancePart, null, null);
        }
        w.comment("S3 (the data bucket, the CloudWatch agent's package) through the gateway endpoint: free, and no NAT needed.");
        w.open("resource \"aws_vpc_endpoint\" \"s3\"")
                .attr("vpc_id", VPC_ID)
                .string("service_name", n.serviceName("s3"))
                .string("vpc_endpoint_type", "Gateway")
                .attr("route_table_ids", "[aws_route_table." + kind(instancePart) + ".id]")
                .attr("tags", tags(stack, NetworkModel.PART_S3_ENDPOINT, false))
                .close().blank();
        if (!n.interfaceServices().isEmpty()) {
            interfaceEndpoints(w, stack);
        }
    }

    private static void interfaceEndpoints(HclWriter w, Blueprint stack) {
        NetworkModel n = stack.network();
        w.comment("Session Manager and CloudWatch without a route out: interface endpoints with private DNS, reached on 443\n"
                + "from the VPC only.");
        w.open("resource \"aws_security_group\" \"endpoints\"")
                .string("name", ExportedNetwork.name(stack, NetworkModel.PART_ENDPOINT_SECURITY_GROUP))
                .string("description", "HTTPS from the VPC to the interface endpoints")
                .attr("vpc_id", VPC_ID);
        w.blank().open("ingress")
                .string("description", "HTTPS from the VPC")
                .attr("from_port", "443").attr("to_port", "443")
                .string("protocol", "tcp")
                .attr("cidr_blocks", "[" + HclText.quote(NetworkModel.VPC_CIDR) + "]")
                .close();
        w.blank().attr("tags", tags(stack, NetworkModel.PART_ENDPOINT_SECURITY_GROUP, false)).close().blank();
        for (String service : n.interfaceServices()) {
            w.open("resource \"aws_vpc_endpoint\" \"" + service + "\"")
                    .attr("vpc_id", VPC_ID)
                    .string("service_name", n.serviceName(service))
                    .string("vpc_endpoint_type", "Interface")
                    .attr("subnet_ids", "[aws_subnet.isolated.id]")
                    .attr("security_group_ids", "[aws_security_group.endpoints.id]")
                    .attr("private_dns_enabled", "true")
                    .attr("tags", tags(ExportedNetwork.name(stack, NetworkModel.PART_INTERFACE_ENDPOINT + "-" + service),
                            NetworkModel.PART_INTERFACE_ENDPOINT, false))
                    .close().blank();
        }
    }

    private static void subnet(HclWriter w, Blueprint stack, String part) {
        w.open("resource \"aws_subnet\" \"" + kind(part) + "\"")
                .attr("vpc_id", VPC_ID)
                .attr("availability_zone", ZONE)
                .attr("cidr_block", "lookup(local." + local(part) + ", " + ZONE + ")")
                .attr("map_public_ip_on_launch", "false")
                .attr("tags", tags(stack, part, true))
                .close().blank();
    }

    /** A route table for one subnet, with a default route to {@code target} (none for the isolated subnet). */
    private static void routeTable(HclWriter w, Blueprint stack, String part, String subnetPart, String targetKey, String target) {
        String name = kind(subnetPart);
        w.open("resource \"aws_route_table\" \"" + name + "\"").attr("vpc_id", VPC_ID);
        if (target != null) {
            w.blank().open("route").string("cidr_block", "0.0.0.0/0").attr(targetKey, target).close().blank();
        }
        w.attr("tags", tags(stack, part, true)).close().blank();
        w.open("resource \"aws_route_table_association\" \"" + name + "\"")
                .attr("subnet_id", "aws_subnet." + name + ".id")
                .attr("route_table_id", "aws_route_table." + name + ".id")
                .close().blank();
    }

    /** The stack's tags plus the part's Name and part (and zone) tags; never {@link NetworkModel#TAG}. */
    private static String tags(Blueprint stack, String part, boolean zoned) {
        return tags(ExportedNetwork.name(stack, part), part, zoned);
    }

    private static String tags(String name, String part, boolean zoned) {
        return "merge(local.tags, { \"Name\" = " + HclText.quote(name) + ", "
                + HclText.quote(NetworkModel.PART_TAG) + " = " + HclText.quote(part)
                + (zoned ? ", " + HclText.quote(NetworkModel.ZONE_TAG) + " = " + ZONE : "") + " })";
    }

    /** private-subnet → private: the resource label of a subnet and of its route table. */
    private static String kind(String subnetPart) {
        return subnetPart.substring(0, subnetPart.indexOf('-'));
    }

    /** private-subnet → private_subnet_cidrs */
    private static String local(String part) {
        return part.replace('-', '_') + "_cidrs";
    }
}
