package dev.hangar.cli;

/**
 * Ends a command with an exit code once it has said why on standard error: the options' checks (a launch
 * that is not in the journal, a confirmation refused) end the command from where they are found.
 */
final class ReportedFailure extends RuntimeException {

    final int exitCode;

    ReportedFailure(int exitCode) {
        super(null, null, false, false); // said already; no stack trace to fill
        this.exitCode = exitCode;
    }
}
