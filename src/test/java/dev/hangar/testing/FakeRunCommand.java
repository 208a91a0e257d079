package dev.hangar.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * How Run Command invocations end, which moto cannot know: it runs nothing, so every invocation is "Success" at once
 * with no output. A test queues outcomes; each SendCommand through the front server takes the next one, and its
 * GetCommandInvocation then goes through AWS's lifecycle: unknown for a moment (InvocationDoesNotExist), InProgress,
 * then the outcome with the script's exit code and output. Commands sent with nothing queued keep moto's answer.
 */
public final class FakeRunCommand {

    /**
     * @param unknownPolls    how many GetCommandInvocation calls answer InvocationDoesNotExist first, as AWS does right after SendCommand
     * @param inProgressPolls how many answer InProgress after that
     */
    public record Outcome(String status, int responseCode, String stdout, String stderr, int unknownPolls, int inProgressPolls) {

        public static Outcome success(String stdout) {
            return new Outcome("Success", 0, stdout, "", 1, 2);
        }

        /** The script exited non-zero; the agent adds its own line to the error output, as the real one does. */
        public static Outcome failed(int exitCode, String stdout, String stderr) {
            return new Outcome("Failed", exitCode, stdout, stderr + "failed to run commands: exit status " + exitCode, 1, 2);
        }

        public Outcome afterPolls(int unknown, int inProgress) {
            return new Outcome(status, responseCode, stdout, stderr, unknown, inProgress);
        }
    }

    private final Deque<Outcome> queued = new ArrayDeque<>();
    private final Map<String, Outcome> byCommand = new HashMap<>();
    private final Map<String, Integer> polls = new HashMap<>();

    FakeRunCommand() {
    }

    /** The next command sent ends so (after the lifecycle the outcome names). */
    public synchronized FakeRunCommand thenEnds(Outcome outcome) {
        queued.add(outcome);
        return this;
    }

    synchronized void sent(String commandId) {
        Outcome next = queued.poll();
        if (next != null) {
            byCommand.put(commandId, next);
        }
    }

    /** The outcome of a command and how many times it has been asked for before this call; null for moto's own. */
    synchronized Poll poll(String commandId) {
        Outcome outcome = byCommand.get(commandId);
        if (outcome == null) {
            return null;
        }
        int before = polls.merge(commandId, 1, Integer::sum) - 1;
        return new Poll(outcome, before);
    }

    record Poll(Outcome outcome, int before) {
    }

    synchronized void reset() {
        queued.clear();
        byCommand.clear();
        polls.clear();
    }
}
