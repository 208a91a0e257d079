package dev.hangar.checklist;

import dev.hangar.blueprint.NetworkModel;
import dev.hangar.spec.NetworkMode;

/** How the checklist and the review name the subnet of Hangar's own network an instance goes into. */
public final class HangarSubnet {

    private HangarSubnet() {
    }

    /** e.g. "Hangar's private subnet 10.213.0.0/20 in us-east-1a"; without a pinned zone, "… in the instance's zone". */
    public static String describe(NetworkModel network, String zone) {
        String kind = network.mode() == NetworkMode.ISOLATED ? "isolated" : "private";
        if (zone != null) {
            try {
                return "Hangar's " + kind + " subnet " + network.subnetCidr(network.instanceSubnetPart(), zone) + " in " + zone;
            } catch (IllegalArgumentException e) {
                // A Local Zone or a name without a letter: the network has no subnet numbered for it, say so plainly.
                return "Hangar's " + kind + " subnet in " + zone;
            }
        }
        return "Hangar's " + kind + " subnet in the instance's zone";
    }
}
