package dev.hangar.spec;

import java.util.Objects;

/**
 * One thing wrong with a launch spec.
 *
 * @param field   JSON path of the field: {@code name}, {@code sshCidr}, {@code tags.project} for a tag's
 *                value, {@code tags} (with the key named in the message) for a tag key, {@code (json)}
 *                when the document itself cannot be read
 * @param message what is wrong and, where it helps, how to fix it
 */
public record SpecProblem(String field, String message) {

    /** Field of a problem with the document as a whole (not JSON, not an object, too large). */
    public static final String DOCUMENT = "(json)";

    public SpecProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
