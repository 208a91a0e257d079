package dev.hangar.checklist;

/** A rule's verdict. A fact that could not be checked gives WARN, never PASS. */
public enum Status {
    PASS, WARN, FAIL
}
