package dev.hangar.cli;

import dev.hangar.catalog.NetworkCost;
import dev.hangar.checklist.Finding;
import dev.hangar.review.LaunchReview;
import dev.hangar.review.LaunchSummary;
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
        json.put("summary", summary(r.summary()));
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
        r.cluster().ifPresent(c -> json.put("cluster", ClusterJson.of(c)));
        json.put("steps", r.plan().steps().stream().map(s -> Map.of("id", s.id(), "title", s.title(), "dependsOn", s.dependsOn())).toList());
        json.put("criticalPathSteps", r.plan().criticalPathSteps());
        json.put("trustPolicy", Json.parse(r.trustPolicy()));
        json.put("dataAccessPolicy", Json.parse(r.dataAccessPolicy()));
        json.put("agentPolicy", Json.parse(r.agentPolicy()));
        json.put("managedPolicies", r.managedPolicies());
        json.put("permissionsBoundaryArn", r.blueprint().iam().permissionsBoundaryArn());
        return json;
    }

    /** What will be launched: its parts for scripts, and the rows as the review shows them. */
    private static Map<String, Object> summary(LaunchSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", s.region());
        m.put("availabilityZone", s.availabilityZone());
        m.put("zones", s.zones());
        m.put("instanceType", s.instanceType());
        m.put("gpu", s.gpu());
        m.put("accelerators", s.accelerators());
        m.put("vcpus", s.vcpus());
        m.put("memoryGiB", s.memoryGiB());
        m.put("market", s.market().wireName());
        m.put("tenancy", s.tenancy().wireName());
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("id", s.image().id());
        image.put("name", s.image().name());
        image.put("created", s.image().created());
        image.put("ageDays", s.image().ageDays());
        image.put("drivers", s.image().drivers().stream().map(a -> a.name().toLowerCase(java.util.Locale.ROOT)).toList());
        image.put("found", s.image().found());
        m.put("image", image);
        m.put("access", s.access().wireName());
        m.put("sshCidr", s.sshCidr());
        m.put("keyPair", s.keyPair());
        m.put("network", s.network() == null ? null : s.network().wireName());
        m.put("subnetId", s.subnetId());
        m.put("publicIp", s.publicIp());
        m.put("bucket", s.bucket());
        m.put("prefix", s.prefix());
        m.put("bucketAccess", s.bucketAccess());
        m.put("rootVolumeGiB", s.rootVolumeGiB());
        m.put("dataVolumeGiB", s.dataVolumeGiB());
        m.put("dataVolumeKept", s.dataVolumeKept());
        m.put("perHour", s.perHour());
        m.put("perMonth", s.perMonth());
        m.put("priceSource", s.priceSource());
        m.put("rows", s.rows());
        return m;
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
        m.put("check", f.check());
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
