package dev.hangar.checklist;

import java.util.List;

/**
 * A rule's fixed description, and the findings it can produce. Every finding is titled with what was found, so a
 * pass and a failure read differently in a list of titles; the rule's {@link #check()} stays the same.
 */
abstract class BaseRule implements Rule {

    private final String id;
    private final String check;
    private final String why;
    private final Severity severity;
    private final List<String> controls;

    BaseRule(String id, String check, String why, Severity severity, String... controls) {
        this.id = id;
        this.check = check;
        this.why = why;
        this.severity = severity;
        this.controls = List.of(controls);
    }

    @Override public final String id() { return id; }
    @Override public final String check() { return check; }
    @Override public final String why() { return why; }
    @Override public final Severity severity() { return severity; }
    @Override public final List<String> controls() { return controls; }

    /** @param title what is true, e.g. "SSH is open only to 203.0.113.7/32" */
    final Finding pass(String title, String detail) {
        return finding(Status.PASS, title, detail, null);
    }

    /** @param title what was found, e.g. "SSH is open to 65,536 addresses (10.1.0.0/16)" */
    final Finding warn(String title, String detail, Fix fix) {
        return finding(Status.WARN, title, detail, fix);
    }

    /** @param title what was found, e.g. "SSH is open to the whole internet (0.0.0.0/0)" */
    final Finding fail(String title, String detail, Fix fix) {
        return finding(Status.FAIL, title, detail, fix);
    }

    /**
     * An unknown fact: a warning, since a pass would claim what nobody checked.
     *
     * @param title what is not known, e.g. "Could not check whether s3://my-datasets is public"
     */
    final Finding couldNotCheck(String title, String what, Fix fix) {
        return finding(Status.WARN, title, "Could not check: " + what, fix);
    }

    private Finding finding(Status status, String title, String detail, Fix fix) {
        return new Finding(id, title, check, why, severity, status, detail, controls, fix);
    }

    @Override
    public String toString() {
        return id;
    }
}
