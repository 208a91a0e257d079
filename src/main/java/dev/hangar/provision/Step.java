package dev.hangar.provision;

import java.util.List;

/**
 * One node of a launch plan: at most one kind of mutating call, recorded in the journal before
 * and after. Undo is not the step's business: rollback removes the resources the journal names.
 */
public interface Step {

    /** Stable identifier, e.g. {@code create-role}; used in the journal and the events. */
    String id();

    /** What it does, for people: "Create IAM role hangar-x-1a2b3c". */
    String title();

    /** The steps that must have succeeded before this one starts. */
    List<String> dependsOn();

    /** The facts this step puts into the launch's {@link Facts} for later steps. */
    default List<Fact<?>> produces() {
        return List.of();
    }

    /** The facts this step reads; the plan checks that a step it depends on produces each. */
    default List<Fact<?>> reads() {
        return List.of();
    }

    /** Does the work; returns a short detail for the progress line (may be empty). */
    String apply(LaunchContext ctx) throws Exception;

    /**
     * Whether the step only reads: a resumed launch runs such steps again (what they find lives only in
     * memory, and the world may have changed), while it skips the journal's finished mutating steps.
     */
    default boolean readOnly() {
        return false;
    }

    /**
     * For a resumed launch whose journal says this step is done: puts back into {@code ctx}'s facts what the step
     * found (a security group ID, an instance ID, …) from the journal's resources and outputs, instead of
     * running it again.
     *
     * @return false when the journal does not hold what is needed; the step then runs again (steps are
     *         written to be safe to repeat)
     */
    default boolean restore(LaunchContext ctx, dev.hangar.journal.LaunchRecord record) {
        return true;
    }
}
