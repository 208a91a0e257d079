package dev.hangar.cli;

import dev.hangar.catalog.NetworkCost;
import dev.hangar.checklist.Finding;
import dev.hangar.review.LaunchReview;
import dev.hangar.review.NetworkDiagram;
import java.util.LinkedHashMap;
import java.util.Map;

/** The review as the command line's JSON: field names are what scripts rely on. */
final class ReviewJson {

    private ReviewJson() {
    }

    static Map<String, Object> of(LaunchReview r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("valid", true);
        json.put("launchable", r.launchable());
        json.put("blockedBecause", r.blockedBecause().orElse(null));
        json.put("planOnly", r.preflight().isEmpty());
        json.put("region", r.spec().region());
        json.put("checklist", Map.of("counts", r.checklist().counts(), "findings", r.checklist().findings().stream().map(ReviewJson::finding).toList()));
        json.put("preflight", r.preflight().orElse(null));
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("instancePerHour", r.cost().instancePerHour());
        cost.put("dedicatedFeePerHour", r.cost().dedicatedFeePerHour());
        cost.put("storagePerMonth", r.cost().storagePerMonth());
        cost.put("monitoringPerMonth", r.cost().monitoringPerMonth());
        cost.put("totalPerHour", r.cost().totalPerHour());
        cost.put("totalPerMonth", r.cost().totalPerMonth());
        cost.put("priceSource", r.cost().priceSource());
        cost.put("networkPerHour", r.cost().networkPerHour());
        cost.put("network", networkCost(r.cost().network()));
        json.put("cost", cost);
        json.put("network", network(r));
        json.put("steps", r.plan().steps().stream().map(s -> Map.of("id", s.id(), "title", s.title(), "dependsOn", s.dependsOn())).toList());
        json.put("criticalPathSteps", r.plan().criticalPathSteps());
        json.put("trustPolicy", Json.parse(r.trustPolicy()));
        json.put("dataAccessPolicy", Json.parse(r.dataAccessPolicy()));
        json.put("agentPolicy", Json.parse(r.agentPolicy()));
        json.put("managedPolicies", r.managedPolicies());
        json.put("permissionsBoundaryArn", r.blueprint().iam().permissionsBoundaryArn());
        return json;
    }

    private static Map<String, Object> networkCost(NetworkCost n) {
        if (n == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", n.mode().wireName());
        m.put("perHour", n.perHour());
        m.put("perGb", n.perGb());
        m.put("natGateways", n.natGateways());
        m.put("interfaceEndpoints", n.interfaceServices());
        m.put("endpointZones", n.endpointZones());
        m.put("breakdown", n.breakdown());
        m.put("shared", n.sharing());
        return m;
    }

    /** Where the instance sits: the diagram's lines as printed, and its parts for scripts. */
    private static Map<String, Object> network(LaunchReview r) {
        NetworkDiagram d = r.network();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", d.mode() == null ? null : d.mode().wireName());
        m.put("subnetId", r.spec().subnetId());
        m.put("hangarNetwork", r.blueprint().network() != null);
        m.put("place", d.place());
        m.put("routes", d.routes());
        m.put("diagram", d.lines());
        return m;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.ruleId());
        m.put("title", f.title());
        m.put("status", f.status());
        m.put("severity", f.severity());
        m.put("controls", f.controls());
        m.put("detail", f.detail());
        m.put("why", f.why());
        m.put("fix", f.fix() == null ? null : f.fix().description());
        m.put("oneClickFix", f.hasOneClickFix());
        return m;
    }
}
