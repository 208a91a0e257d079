package dev.hangar.cli;

import dev.hangar.monitor.NetworkCost;
import dev.hangar.provision.NetworkInventory;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One region's network as the network commands show it: parts, the modes it serves, what uses it, its cost per hour. */
final class NetworkListing {

    private NetworkListing() {
    }

    /** "private (NAT gateway)", "isolated (interface endpoints)"; empty when neither stands. */
    static List<String> modes(NetworkInventory n) {
        List<String> modes = new ArrayList<>();
        if (n.servesPrivate()) {
            modes.add("private");
        }
        if (n.servesIsolated()) {
            modes.add("isolated");
        }
        return modes;
    }

    static void print(PrintWriter out, NetworkInventory n) {
        List<String> modes = modes(n);
        out.println("Hangar's network in " + n.region() + (modes.isEmpty() ? " (serves no mode yet: neither a NAT gateway nor interface endpoints stand)"
                : " (serves " + String.join(" and ", modes) + ")"));
        String format = "  %-24s %-28s %-12s %-12s %s%n";
        out.printf(format, "PART", "ID", "ZONE", "STATE", "DETAIL");
        for (NetworkInventory.Part p : n.parts()) {
            out.printf(format, p.part(), p.id(), p.zone() == null ? "-" : p.zone(), p.state() == null ? "-" : p.state(), p.detail() == null ? "" : p.detail());
        }
        out.println("  Used by: " + n.whyInUse(null).orElse("nothing; 'hangar network destroy --region " + n.region() + "' removes it"));
        NetworkCost cost = NetworkCost.of(n);
        out.println("  Cost while it stands: " + cost.describe() + (cost.perGb().isEmpty() ? "" : ", " + cost.perGb()));
    }

    static Map<String, Object> json(NetworkInventory n) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("region", n.region());
        r.put("modes", modes(n));
        r.put("parts", n.parts().stream().map(p -> {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("part", p.part());
            part.put("id", p.id());
            part.put("zone", p.zone());
            part.put("state", p.state());
            part.put("detail", p.detail());
            return part;
        }).toList());
        Map<String, Object> usedBy = new LinkedHashMap<>();
        usedBy.put("launches", n.launches().stream().map(l -> {
            Map<String, Object> launch = new LinkedHashMap<>();
            launch.put("launchId", l.launchId());
            launch.put("state", l.state().name().toLowerCase(java.util.Locale.ROOT));
            return launch;
        }).toList());
        usedBy.put("instances", n.instances().stream().map(i -> {
            Map<String, Object> instance = new LinkedHashMap<>();
            instance.put("instanceId", i.instanceId());
            instance.put("state", i.state());
            instance.put("subnetId", i.subnetId());
            instance.put("launchedByHangar", i.launchedByHangar());
            instance.put("launchId", i.launchId());
            instance.put("createdBy", i.createdBy());
            return instance;
        }).toList());
        usedBy.put("damagedJournalFiles", n.damagedLaunches());
        r.put("usedBy", usedBy);
        r.put("inUse", n.whyInUse(null).isPresent());
        NetworkCost cost = NetworkCost.of(n);
        r.put("costPerHour", Math.round(cost.perHour() * 10000) / 10000.0);
        r.put("perGb", cost.perGb());
        return r;
    }
}
