package dev.hangar.cli;

/** The exit codes of DESIGN.md (a contract). */
final class ExitCode {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int INVALID = 2;
    static final int CHECKLIST_FAIL = 3;

    private ExitCode() {
    }
}
