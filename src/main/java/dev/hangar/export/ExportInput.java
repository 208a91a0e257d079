package dev.hangar.export;

import dev.hangar.blueprint.Blueprint;
import java.util.Objects;

/**
 * What an export is made from: the stack, and for the evidence formats what was found about it.
 *
 * @param evidence null for the stack formats; the evidence formats then record an offline review
 */
public record ExportInput(Blueprint stack, Evidence evidence) {

    public ExportInput {
        Objects.requireNonNull(stack, "stack");
    }

    public static ExportInput of(Blueprint stack) {
        return new ExportInput(stack, null);
    }
}
