package dev.hangar.checklist;

/** How much harm the risk a rule guards against can do, worst first. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** Lowercase, as shown and written to JSON: {@code "critical"}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
