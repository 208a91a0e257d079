package dev.hangar.checklist;

import java.util.List;
import java.util.Objects;

/**
 * One rule's result for one spec.
 *
 * @param ruleId   stable kebab-case identifier, e.g. {@code imdsv2-required}
 * @param title    what the rule checks, for people
 * @param why      why it matters, in a sentence or two a researcher understands
 * @param detail   what was found for this spec (and, when not a pass, what is wrong)
 * @param controls Security Hub and Checkov control IDs the rule maps to (may be empty)
 * @param fix      how to make it pass; null when it passes or nothing can be suggested
 */
public record Finding(String ruleId, String title, String why, Severity severity, Status status, String detail,
                      List<String> controls, Fix fix) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(status, "status");
        controls = List.copyOf(controls);
    }

    public boolean hasOneClickFix() {
        return fix != null && fix.isOneClick();
    }
}
