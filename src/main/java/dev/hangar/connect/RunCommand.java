package dev.hangar.connect;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationRequest;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;
import software.amazon.awssdk.services.ssm.waiters.SsmWaiter;

/**
 * Runs a document on one instance through SSM Run Command and waits for it, as {@code aws ssm send-command} then
 * {@code aws ssm wait command-executed} do: the SDK's own waiter, which also rides out the moment after SendCommand
 * when AWS does not know the invocation yet (InvocationDoesNotExist).
 */
final class RunCommand {

    private final SsmClient ssm;
    private final JupyterTiming timing;

    RunCommand(SsmClient ssm, JupyterTiming timing) {
        this.ssm = ssm;
        this.timing = timing;
    }

    /** Sends the command and returns how it ended, or its state when the wait ran out; AWS errors of SendCommand are thrown. */
    RunCommandResult run(String instanceId, String document, String comment, int deliveryTimeoutSeconds, Map<String, List<String>> parameters) {
        String commandId = ssm.sendCommand(r -> r.instanceIds(instanceId).documentName(document).comment(comment)
                .timeoutSeconds(deliveryTimeoutSeconds).parameters(parameters)).command().commandId();
        GetCommandInvocationRequest invocation = GetCommandInvocationRequest.builder().commandId(commandId).instanceId(instanceId).build();
        long attempts = timing.commandTimeout().toMillis() / Math.max(1, timing.poll().toMillis()) + 1;
        WaiterOverrideConfiguration wait = WaiterOverrideConfiguration.builder().backoffStrategyV2(BackoffStrategy.fixedDelay(timing.poll()))
                .maxAttempts((int) Math.min(Integer.MAX_VALUE, attempts)).waitTimeout(timing.commandTimeout()).build();
        try (SsmWaiter waiter = ssm.waiter()) {
            var matched = waiter.waitUntilCommandExecuted(invocation, wait).matched().response();
            if (matched.isPresent()) {
                return result(commandId, matched.get());
            }
        } catch (SdkException e) {
            // Failed, timed out or cancelled: the waiter says only that; the invocation below says what the script said.
        }
        try {
            return result(commandId, ssm.getCommandInvocation(invocation));
        } catch (InvocationDoesNotExistException e) {
            return new RunCommandResult(commandId, "Undelivered", -1, "", "");
        }
    }

    private static RunCommandResult result(String commandId, GetCommandInvocationResponse r) {
        return new RunCommandResult(commandId, r.statusAsString(), r.responseCode() == null ? -1 : r.responseCode(),
                nullToEmpty(r.standardOutputContent()), nullToEmpty(r.standardErrorContent()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
