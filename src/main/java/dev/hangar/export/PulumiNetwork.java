package dev.hangar.export;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.NetworkModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hangar's network in the Pulumi program, as the stack's own (see {@link ExportedNetwork}): the zone is the stack's
 * {@code availability_zone} setting, and the subnets' CIDRs come from a table keyed by zone.
 */
final class PulumiNetwork {

    static final String VPC_ID = "vpc.id";

    private PulumiNetwork() {
    }

    /** The Python variable holding the instance's subnet. */
    static String instanceSubnetId(Blueprint stack) {
        return variable(ExportedNetwork.instanceSubnetPart(stack)) + ".id";
    }

    static void write(StringBuilder py, Blueprint stack) {
        NetworkModel n = stack.network();
        ExportedNetwork.note(stack).lines().forEach(l -> py.append("# ").append(l).append('\n'));
        py.append("config = pulumi.Config()\n");
        py.append("# ").append(ExportedNetwork.zoneHelp(stack)).append(".\n# Set it with: pulumi config set availability_zone <zone>\n");
        py.append("availability_zone = config.get(\"availability_zone\") or ").append(PythonText.quote(ExportedNetwork.defaultZone(stack)))
                .append("\n\n");
        py.append("# Per zone, the subnets' CIDRs as Hangar numbers them.\nSUBNET_CIDRS = {\n");
        for (String part : ExportedNetwork.subnetParts(stack)) {
            py.append("    ").append(PythonText.quote(part)).append(": {\n");
            for (Map.Entry<String, String> e : ExportedNetwork.cidrs(stack, part).entrySet()) {
                py.append("        ").append(PythonText.quote(e.getKey())).append(": ").append(PythonText.quote(e.getValue())).append(",\n");
            }
            py.append("    },\n");
        }
        py.append("}\n");
        py.append("\n\ndef network_tags(part, zoned=False, name=None):\n")
                .append("    \"\"\"The stack's tags, the part's Name and part (and zone) tags; never ").append(NetworkModel.TAG).append(".\"\"\"\n")
                .append("    tags = {**TAGS, \"Name\": name or ").append(PythonText.quote("hangar-" + stack.launchId() + "-"))
                .append(" + part, ").append(PythonText.quote(NetworkModel.PART_TAG)).append(": part}\n")
                .append("    if zoned:\n        tags[").append(PythonText.quote(NetworkModel.ZONE_TAG)).append("] = availability_zone\n")
                .append("    return tags\n\n\n");
        call(py, "vpc", "aws.ec2.Vpc", "hangar-vpc", List.of(
                kw("cidr_block", PythonText.quote(NetworkModel.VPC_CIDR)), kw("enable_dns_support", "True"),
                kw("enable_dns_hostnames", "True"), kw("tags", tags(NetworkModel.PART_VPC, false)), kw("opts", "opts")));
        py.append("# The VPC's default security group keeps no rule, so nothing can use it by accident.\n");
        call(py, "default_security_group", "aws.ec2.DefaultSecurityGroup", "hangar-default-security-group", List.of(
                kw("vpc_id", VPC_ID), kw("tags", tags("default-security-group", false)), kw("opts", "opts")));
        String instancePart = ExportedNetwork.instanceSubnetPart(stack);
        subnet(py, instancePart);
        if (n.needsNat()) {
            call(py, "internet_gateway", "aws.ec2.InternetGateway", NetworkModel.PART_INTERNET_GATEWAY, List.of(
                    kw("vpc_id", VPC_ID), kw("tags", tags(NetworkModel.PART_INTERNET_GATEWAY, false)), kw("opts", "opts")));
            subnet(py, NetworkModel.PART_PUBLIC_SUBNET);
            routeTable(py, NetworkModel.PART_PUBLIC_ROUTES, NetworkModel.PART_PUBLIC_SUBNET, "gateway_id=internet_gateway.id");
            String afterGateway = "pulumi.ResourceOptions(provider=aws_provider, depends_on=[internet_gateway])";
            call(py, "nat_elastic_ip", "aws.ec2.Eip", NetworkModel.PART_ELASTIC_IP, List.of(
                    kw("domain", "\"vpc\""), kw("tags", tags(NetworkModel.PART_ELASTIC_IP, false)), kw("opts", afterGateway)));
            call(py, "nat_gateway", "aws.ec2.NatGateway", NetworkModel.PART_NAT_GATEWAY, List.of(
                    kw("allocation_id", "nat_elastic_ip.id"), kw("subnet_id", "public_subnet.id"),
                    kw("tags", tags(NetworkModel.PART_NAT_GATEWAY, true)), kw("opts", afterGateway)));
            routeTable(py, NetworkModel.PART_PRIVATE_ROUTES, instancePart, "nat_gateway_id=nat_gateway.id");
        } else {
            routeTable(py, NetworkModel.PART_ISOLATED_ROUTES, instancePart, null);
        }
        py.append("# S3 (the data bucket, the CloudWatch agent's package) through the gateway endpoint: free, and no NAT needed.\n");
        call(py, "s3_endpoint", "aws.ec2.VpcEndpoint", NetworkModel.PART_S3_ENDPOINT, List.of(
                kw("vpc_id", VPC_ID), kw("service_name", PythonText.quote(n.serviceName("s3"))), kw("vpc_endpoint_type", "\"Gateway\""),
                kw("route_table_ids", "[" + variable(instancePart) + "_route_table.id]"),
                kw("tags", tags(NetworkModel.PART_S3_ENDPOINT, false)), kw("opts", "opts")));
        if (!n.interfaceServices().isEmpty()) {
            interfaceEndpoints(py, stack);
        }
    }

    private static void interfaceEndpoints(StringBuilder py, Blueprint stack) {
        NetworkModel n = stack.network();
        py.append("# Session Manager and CloudWatch without a route out: interface endpoints with private DNS, reached on 443\n"
                + "# from the VPC only.\n");
        call(py, "endpoint_security_group", "aws.ec2.SecurityGroup", NetworkModel.PART_ENDPOINT_SECURITY_GROUP, List.of(
                kw("name", PythonText.quote(ExportedNetwork.name(stack, NetworkModel.PART_ENDPOINT_SECURITY_GROUP))),
                kw("description", "\"HTTPS from the VPC to the interface endpoints\""),
                kw("vpc_id", VPC_ID),
                kw("ingress", "[\n        aws.ec2.SecurityGroupIngressArgs(description=\"HTTPS from the VPC\", from_port=443, to_port=443, "
                        + "protocol=\"tcp\", cidr_blocks=[" + PythonText.quote(NetworkModel.VPC_CIDR) + "]),\n    ]"),
                kw("tags", tags(NetworkModel.PART_ENDPOINT_SECURITY_GROUP, false)), kw("opts", "opts")));
        py.append("interface_endpoints = [\n");
        for (String service : n.interfaceServices()) {
            py.append("    aws.ec2.VpcEndpoint(\n        ").append(PythonText.quote(NetworkModel.PART_INTERFACE_ENDPOINT + "-" + service))
                    .append(",\n        vpc_id=vpc.id,\n        service_name=").append(PythonText.quote(n.serviceName(service)))
                    .append(",\n        vpc_endpoint_type=\"Interface\",\n        subnet_ids=[")
                    .append(instanceSubnetId(stack)).append("],\n        security_group_ids=[endpoint_security_group.id],\n")
                    .append("        private_dns_enabled=True,\n        tags=network_tags(")
                    .append(PythonText.quote(NetworkModel.PART_INTERFACE_ENDPOINT)).append(", name=")
                    .append(PythonText.quote(ExportedNetwork.name(stack, NetworkModel.PART_INTERFACE_ENDPOINT + "-" + service)))
                    .append("),\n        opts=opts,\n    ),\n");
        }
        py.append("]\n\n");
    }

    private static void subnet(StringBuilder py, String part) {
        call(py, variable(part), "aws.ec2.Subnet", part, List.of(
                kw("vpc_id", VPC_ID), kw("availability_zone", "availability_zone"),
                kw("cidr_block", "SUBNET_CIDRS[" + PythonText.quote(part) + "][availability_zone]"),
                kw("map_public_ip_on_launch", "False"), kw("tags", tags(part, true)), kw("opts", "opts")));
    }

    /** A route table for one subnet and its association, with a default route to {@code target} (none when null). */
    private static void routeTable(StringBuilder py, String part, String subnetPart, String target) {
        String table = variable(subnetPart) + "_route_table";
        List<String> args = new ArrayList<>(List.of(kw("vpc_id", VPC_ID)));
        if (target != null) {
            args.add(kw("routes", "[aws.ec2.RouteTableRouteArgs(cidr_block=\"0.0.0.0/0\", " + target + ")]"));
        }
        args.addAll(List.of(kw("tags", tags(part, true)), kw("opts", "opts")));
        call(py, table, "aws.ec2.RouteTable", part, args);
        call(py, table + "_association", "aws.ec2.RouteTableAssociation", part + "-association", List.of(
                kw("subnet_id", variable(subnetPart) + ".id"), kw("route_table_id", table + ".id"), kw("opts", "opts")));
    }

    private static String tags(String part, boolean zoned) {
        return "network_tags(" + PythonText.quote(part) + (zoned ? ", zoned=True" : "") + ")";
    }

    /** private-subnet → private_subnet */
    private static String variable(String part) {
        return part.replace('-', '_');
    }

    private static void call(StringBuilder py, String variable, String type, String logicalName, List<String> kwargs) {
        py.append(variable).append(" = ").append(type).append("(\n    ").append(PythonText.quote(logicalName)).append(",\n");
        kwargs.forEach(k -> py.append("    ").append(k).append(",\n"));
        py.append(")\n\n");
    }

    private static String kw(String name, String value) {
        return name + "=" + value;
    }
}
