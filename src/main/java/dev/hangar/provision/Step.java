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

    /** Does the work; returns a short detail for the progress line (may be empty). */
    String apply(LaunchContext ctx) throws Exception;
}
