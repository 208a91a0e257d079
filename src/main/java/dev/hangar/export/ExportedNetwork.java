package dev.hangar.export;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.NetworkModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the three stack formats share about Hangar's network: an export is a standalone stack, so it declares a network
 * of its own with the layout of the one Hangar shares between its launches (same CIDRs, routes and endpoints), in one
 * zone chosen by a variable. Its parts carry the stack's tags, a Name and {@link NetworkModel#PART_TAG}, but not
 * {@link NetworkModel#TAG}: that tag is how Hangar finds, reuses and removes its shared network, and it must never
 * take a stack's VPC for its own.
 */
final class ExportedNetwork {

    /** The letters of the zones Hangar's network numbers subnets for (see {@link NetworkModel#subnetCidr}). */
    private static final String ZONE_LETTERS = "abcdefgh";

    private ExportedNetwork() {
    }

    /** The note every format opens its network with, wrapped for a comment. */
    static String note(Blueprint stack) {
        NetworkModel n = stack.network();
        String layout = n.needsNat()
                ? "the instance's private subnet, out through a NAT gateway (with its Elastic IP) in a public subnet; the S3 "
                        + "gateway endpoint on the private route table."
                : "the instance's isolated subnet with no route out; interface endpoints for " + String.join(", ", n.interfaceServices())
                        + " (private DNS, 443 from the VPC only); the S3 gateway endpoint on the isolated route table.";
        return wrap("Hangar's network (" + n.mode().wireName() + "), as this stack's own. An export is a standalone stack, so it "
                + "creates a VPC of its own with the layout of the network Hangar shares between its launches in " + stack.region()
                + ": " + NetworkModel.VPC_CIDR + " with DNS support and hostnames; " + layout + " No public IP, no inbound route. "
                + "Its parts are not tagged " + NetworkModel.TAG + ", so Hangar never takes them for its shared network or removes "
                + "them; destroying this stack does.");
    }

    /** Words to lines of at most 110 characters. */
    private static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (String word : text.split(" ")) {
            if (out.length() > lineStart && out.length() - lineStart + 1 + word.length() > 110) {
                out.append('\n');
                lineStart = out.length();
            } else if (out.length() > lineStart) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }

    /** Where the instance sits, in one line for the evidence report. */
    static String describe(Blueprint stack) {
        NetworkModel n = stack.network();
        if (n != null) {
            return n.mode().wireName() + ": Hangar's network (VPC " + NetworkModel.VPC_CIDR + "), " + (n.needsNat()
                    ? "a private subnet out through a NAT gateway"
                    : "an isolated subnet with no route to the internet, SSM and CloudWatch through interface endpoints")
                    + ", S3 through its gateway endpoint; no public IP";
        }
        if (stack.spec().subnetId() != null) {
            return "subnet " + stack.spec().subnetId() + (stack.instance().associatePublicIp() ? ", with a public IP" : ", no public IP");
        }
        return "public: a default subnet of the region's default VPC, with a public IP";
    }

    /** The variable's default: the spec's zone, else the region's first. */
    static String defaultZone(Blueprint stack) {
        return stack.spec().availabilityZone() != null ? stack.spec().availabilityZone() : stack.region() + "a";
    }

    static String zoneHelp(Blueprint stack) {
        return "The availability zone of the instance and its subnet (" + stack.region() + "a to " + stack.region() + "h): one that "
                + "offers " + stack.instance().instanceType() + ", see aws ec2 describe-instance-type-offerings --location-type "
                + "availability-zone --filters Name=instance-type,Values=" + stack.instance().instanceType() + " --region " + stack.region();
    }

    /** Zone name to the CIDR Hangar gives a subnet part there, for every zone it numbers. */
    static Map<String, String> cidrs(Blueprint stack, String part) {
        Map<String, String> out = new LinkedHashMap<>();
        for (char letter : ZONE_LETTERS.toCharArray()) {
            String zone = stack.region() + letter;
            out.put(zone, stack.network().subnetCidr(part, zone));
        }
        return out;
    }

    /** The Name tag of a part in this stack, e.g. hangar-llama-finetune-1a2b3c-private-subnet. */
    static String name(Blueprint stack, String part) {
        return "hangar-" + stack.launchId() + "-" + part;
    }

    /** The subnets a mode has in the stack: the instance's, and the NAT's public one for private. */
    static List<String> subnetParts(Blueprint stack) {
        return stack.network().needsNat() ? List.of(NetworkModel.PART_PRIVATE_SUBNET, NetworkModel.PART_PUBLIC_SUBNET)
                : List.of(NetworkModel.PART_ISOLATED_SUBNET);
    }

    /** The subnet part the instance goes into. */
    static String instanceSubnetPart(Blueprint stack) {
        return stack.network().instanceSubnetPart();
    }
}
