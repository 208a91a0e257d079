package dev.hangar.provision;

import dev.hangar.blueprint.LaunchTags;
import dev.hangar.blueprint.NetworkModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sweep's judgement of Hangar's network in a region, listed as one leftover of kind {@value #KIND} (it is removed as a
 * whole, in its own order, so one row reads better than a row per part). It is a leftover when no launch of the journal
 * uses it; it stays while an instance is inside that this sweep does not remove (no option widens that), while a
 * journal file is too damaged to tell, or, unless {@code --any-creator}, when another caller created it.
 */
final class NetworkSweep {

    static final String KIND = "network";

    private NetworkSweep() {
    }

    /**
     * @param removedInstances the instances this sweep removes (before the network), by ID
     * @return empty when there is no network or a launch of the journal uses it: it is not a leftover then
     */
    static Optional<SweepRules.Decision> judge(NetworkInventory n, String caller, Sweeper.Scope scope, Collection<String> removedInstances) {
        if (n.isEmpty() || !n.launches().isEmpty()) {
            return Optional.empty();
        }
        Sweeper.Found found = found(n);
        List<String> why = new ArrayList<>();
        if (!n.damagedLaunches().isEmpty()) {
            why.add("the journal file of launch " + String.join(", ", n.damagedLaunches()) + " is damaged, so whether it uses the network cannot be told");
        }
        List<String> staying = n.instances().stream().filter(i -> !removedInstances.contains(i.instanceId()))
                .map(NetworkInventory.InstanceInside::describe).toList();
        if (!staying.isEmpty()) {
            why.add("instances inside: " + String.join(", ", staying));
        }
        SweepRules.creatorReason(found.createdBy(), caller, scope).ifPresent(why::add);
        return Optional.of(why.isEmpty() ? new SweepRules.Decision(List.of(found), List.of())
                : new SweepRules.Decision(List.of(), List.of(new Sweeper.LeftAlone(found, String.join("; ", why)))));
    }

    /** The VPC stands for the network; its creator is whoever's tag the VPC (else any part) carries. */
    private static Sweeper.Found found(NetworkInventory n) {
        String id = n.vpcs().isEmpty() ? NetworkModel.name(NetworkModel.PART_VPC, null) : n.vpcs().get(0).vpcId();
        String createdBy = n.vpcs().stream().map(v -> NetworkTags.value(v.tags(), LaunchTags.CREATED_BY)).filter(c -> c != null).findFirst()
                .orElse(n.subnets().stream().map(s -> NetworkTags.value(s.tags(), LaunchTags.CREATED_BY)).filter(c -> c != null).findFirst().orElse(null));
        String why = n.instances().isEmpty() ? "no launch or instance uses it" : "no launch uses it, and its instances are removed first";
        return new Sweeper.Found(n.region(), KIND, id, null, why, summary(n), createdBy, null);
    }

    /** e.g. "vpc-1, 3 subnets, 3 route tables, internet gateway, NAT gateway, Elastic IP, 2 endpoints" */
    static String summary(NetworkInventory n) {
        List<String> parts = new ArrayList<>();
        n.vpcs().forEach(v -> parts.add(v.vpcId()));
        count(parts, n.subnets().size(), "subnet");
        count(parts, n.routeTables().size(), "route table");
        count(parts, n.internetGateways().size(), "internet gateway");
        count(parts, n.natGateways().size(), "NAT gateway");
        count(parts, n.elasticIps().size(), "Elastic IP");
        count(parts, n.endpoints().size(), "endpoint");
        count(parts, n.endpointSecurityGroups().size(), "security group");
        return String.join(", ", parts);
    }

    private static void count(List<String> parts, int n, String what) {
        Function<Integer, String> plural = k -> k == 1 ? what : what + "s";
        if (n > 0) {
            parts.add((n == 1 ? "" : n + " ") + plural.apply(n));
        }
    }
}
