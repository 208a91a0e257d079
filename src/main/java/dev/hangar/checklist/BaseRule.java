package dev.hangar.checklist;

import java.util.List;

/** A rule's fixed description, and the findings it can produce. */
abstract class BaseRule implements Rule {

    private final String id;
    private final String title;
    private final String why;
    private final Severity severity;
    private final List<String> controls;

    BaseRule(String id, String title, String why, Severity severity, String... controls) {
        this.id = id;
        this.title = title;
        this.why = why;
        this.severity = severity;
        this.controls = List.of(controls);
    }

    @Override public final String id() { return id; }
    @Override public final String title() { return title; }
    @Override public final String why() { return why; }
    @Override public final Severity severity() { return severity; }
    @Override public final List<String> controls() { return controls; }

    final Finding pass(String detail) {
        return finding(Status.PASS, detail, null);
    }

    final Finding warn(String detail, Fix fix) {
        return finding(Status.WARN, detail, fix);
    }

    final Finding fail(String detail, Fix fix) {
        return finding(Status.FAIL, detail, fix);
    }

    /** An unknown fact: a warning, since a pass would claim what nobody checked. */
    final Finding couldNotCheck(String what, Fix fix) {
        return finding(Status.WARN, "Could not check: " + what, fix);
    }

    private Finding finding(Status status, String detail, Fix fix) {
        return new Finding(id, title, why, severity, status, detail, controls, fix);
    }

    @Override
    public String toString() {
        return id;
    }
}
