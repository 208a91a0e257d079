package dev.hangar.connect;

/**
 * How a Run Command ended on one instance, as GetCommandInvocation reports it.
 *
 * @param status       Success, Failed, TimedOut, Cancelled, … or InProgress when Hangar stopped waiting first
 * @param responseCode the script's exit code (-1 while it has none)
 * @param stdout       the start of its standard output (Systems Manager keeps the first 24,000 characters)
 */
public record RunCommandResult(String commandId, String status, int responseCode, String stdout, String stderr) {

    public boolean succeeded() {
        return "Success".equals(status);
    }
}
