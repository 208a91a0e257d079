package dev.hangar.journal;

/**
 * Something a launch created (or is about to create) in AWS, or on disk.
 *
 * @param type  what kind, e.g. {@code instance}, {@code iam-role} (see {@link ResourceType})
 * @param id    its AWS ID or name; for relations, both ends joined by {@code |}
 * @param step  the step that created it
 * @param state {@code intended} before the call, {@code created} after it, {@code deleted} or {@code kept} at the end
 */
public record ResourceRecord(String type, String id, String step, String state) {

    public static final String INTENDED = "intended";
    public static final String CREATED = "created";
    public static final String DELETED = "deleted";
    public static final String KEPT = "kept";

    public ResourceRecord withState(String newState) {
        return new ResourceRecord(type, id, step, newState);
    }

    public boolean mayExist() {
        return INTENDED.equals(state) || CREATED.equals(state) || KEPT.equals(state);
    }
}
