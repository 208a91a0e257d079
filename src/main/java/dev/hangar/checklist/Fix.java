package dev.hangar.checklist;

import dev.hangar.spec.LaunchSpec;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What to change so a rule passes. A one-click fix carries a pure function on the spec that the wizard
 * applies; a manual fix ({@code change == null}) only says what to do outside the spec, e.g. on a bucket.
 */
public record Fix(String description, UnaryOperator<LaunchSpec> change) {

    public Fix {
        Objects.requireNonNull(description, "description");
    }

    public static Fix oneClick(String description, UnaryOperator<LaunchSpec> change) {
        return new Fix(description, Objects.requireNonNull(change, "change"));
    }

    public static Fix manual(String description) {
        return new Fix(description, null);
    }

    public boolean isOneClick() {
        return change != null;
    }

    /** @throws IllegalStateException for a manual fix */
    public LaunchSpec applyTo(LaunchSpec spec) {
        if (change == null) {
            throw new IllegalStateException("manual fix, nothing to apply: " + description);
        }
        return change.apply(spec);
    }
}
