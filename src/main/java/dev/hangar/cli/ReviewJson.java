package dev.hangar.cli;

import dev.hangar.checklist.Finding;
import dev.hangar.review.LaunchReview;
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
        json.put("cost", cost);
        json.put("steps", r.plan().steps().stream().map(s -> Map.of("id", s.id(), "title", s.title(), "dependsOn", s.dependsOn())).toList());
        json.put("criticalPathSteps", r.plan().criticalPathSteps());
        json.put("trustPolicy", Json.parse(r.trustPolicy()));
        json.put("dataAccessPolicy", Json.parse(r.dataAccessPolicy()));
        json.put("agentPolicy", Json.parse(r.agentPolicy()));
        json.put("managedPolicies", r.managedPolicies());
        json.put("permissionsBoundaryArn", r.blueprint().iam().permissionsBoundaryArn());
        return json;
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
