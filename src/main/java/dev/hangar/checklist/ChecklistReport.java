package dev.hangar.checklist;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The findings of one evaluation, in the checklist's fixed rule order. */
public record ChecklistReport(List<Finding> findings) {

    public ChecklistReport {
        findings = List.copyOf(findings);
    }

    /** A FAIL blocks a launch (the plan command exits 3). */
    public boolean hasFail() {
        return count(Status.FAIL) > 0;
    }

    public long count(Status status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }

    /** Every status with its count, zeros included, in PASS, WARN, FAIL order. */
    public Map<Status, Long> counts() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, count(s));
        }
        return counts;
    }

    public Optional<Finding> finding(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).findFirst();
    }

    /** Findings that are not a pass and offer a one-click fix. */
    public List<Finding> fixable() {
        return findings.stream().filter(f -> f.status() != Status.PASS && f.hasOneClickFix()).toList();
    }
}
