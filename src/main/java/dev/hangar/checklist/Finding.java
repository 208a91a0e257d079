package dev.hangar.checklist;

import java.util.List;
import java.util.Objects;

/**
 * One rule's result for one spec.
 *
 * @param ruleId   stable kebab-case identifier, e.g. {@code imdsv2-required}
 * @param title    what was found, for people, so a pass and a failure read differently: "SSH is open only to
 *                 203.0.113.7/32", "SSH is open to the whole internet (0.0.0.0/0)"
 * @param check    what the rule requires, the same whatever was found: "SSH and RDP are not open to the whole internet"
 *                 (the requirement column of an evidence report)
 * @param why      why it matters, in a sentence or two a researcher understands
 * @param detail   what was found for this spec (and, when not a pass, what is wrong)
 * @param controls Security Hub and Checkov control IDs the rule maps to (may be empty)
 * @param fix      how to make it pass; null when it passes or nothing can be suggested
 */
public record Finding(String ruleId, String title, String check, String why, Severity severity, Status status, String detail,
                      List<String> controls, Fix fix) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(status, "status");
        controls = List.copyOf(controls);
    }

    /** A finding whose title is its check (a record made outside the rules, where nothing more specific is known). */
    public Finding(String ruleId, String title, String why, Severity severity, Status status, String detail, List<String> controls,
            Fix fix) {
        this(ruleId, title, title, why, severity, status, detail, controls, fix);
    }

    public boolean hasOneClickFix() {
        return fix != null && fix.isOneClick();
    }
}
