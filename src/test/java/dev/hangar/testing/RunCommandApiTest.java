package dev.hangar.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CommandInvocationStatus;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationRequest;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvalidCommandIdException;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;

/**
 * Run Command through the front server, with the real SDK: moto keeps SendCommand; a queued outcome gives
 * GetCommandInvocation AWS's lifecycle (unknown, InProgress, then how the script ended), which the SDK's waiter rides.
 */
@ExtendWith(LocalAwsExtension.class)
class RunCommandApiTest {

    private static final String INSTANCE = "i-0123456789abcdef0";

    private static String send(SsmClient ssm) {
        return ssm.sendCommand(r -> r.instanceIds(INSTANCE).documentName("AWS-RunShellScript").comment("test")
                .parameters(Map.of("commands", List.of("echo hello")))).command().commandId();
    }

    private static GetCommandInvocationRequest invocation(String commandId) {
        return GetCommandInvocationRequest.builder().commandId(commandId).instanceId(INSTANCE).build();
    }

    @Test
    void sendCommandReachesMotoWithItsParameters(LocalAws aws) {
        SsmClient ssm = aws.clients().ssm(LocalAws.REGION);

        String id = send(ssm);

        JsonNode sent = Json.parse(aws.endpoint().requests("ssm", "SendCommand").get(0).body());
        assertThat(sent.get("DocumentName").asText()).isEqualTo("AWS-RunShellScript");
        assertThat(sent.at("/InstanceIds/0").asText()).isEqualTo(INSTANCE);
        assertThat(sent.at("/Parameters/commands/0").asText()).isEqualTo("echo hello");
        GetCommandInvocationResponse moto = ssm.getCommandInvocation(invocation(id));
        assertThat(moto.status()).as("moto's own answer, with nothing queued").isEqualTo(CommandInvocationStatus.SUCCESS);
        assertThat(moto.standardOutputContent()).isEmpty();
    }

    @Test
    void aQueuedOutcomeGoesThroughAwssLifecycle(LocalAws aws) {
        SsmClient ssm = aws.clients().ssm(LocalAws.REGION);
        aws.runCommand().thenEnds(FakeRunCommand.Outcome.failed(3, "installing\n", "no internet\n").afterPolls(1, 2));

        String id = send(ssm);

        assertThatThrownBy(() -> ssm.getCommandInvocation(invocation(id))).isInstanceOf(InvocationDoesNotExistException.class);
        assertThat(ssm.getCommandInvocation(invocation(id)).status()).isEqualTo(CommandInvocationStatus.IN_PROGRESS);
        assertThat(ssm.getCommandInvocation(invocation(id)).responseCode()).isEqualTo(-1);
        GetCommandInvocationResponse done = ssm.getCommandInvocation(invocation(id));
        assertThat(done.status()).isEqualTo(CommandInvocationStatus.FAILED);
        assertThat(done.responseCode()).isEqualTo(3);
        assertThat(done.standardOutputContent()).isEqualTo("installing\n");
        assertThat(done.standardErrorContent()).isEqualTo("no internet\nfailed to run commands: exit status 3");
    }

    @Test
    void theSdksWaiterRidesTheLifecycle(LocalAws aws) {
        SsmClient ssm = aws.clients().ssm(LocalAws.REGION);
        aws.runCommand().thenEnds(FakeRunCommand.Outcome.success("listening\n")).thenEnds(FakeRunCommand.Outcome.failed(4, "", ""));
        WaiterOverrideConfiguration fast = WaiterOverrideConfiguration.builder().backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(10)))
                .maxAttempts(20).build();

        String ok = send(ssm);
        String failed = send(ssm);

        try (var waiter = ssm.waiter()) {
            assertThat(waiter.waitUntilCommandExecuted(invocation(ok), fast).matched().response().orElseThrow().standardOutputContent())
                    .isEqualTo("listening\n");
            assertThatThrownBy(() -> waiter.waitUntilCommandExecuted(invocation(failed), fast)).isInstanceOf(SdkClientException.class)
                    .hasMessageContaining("Status=Failed");
        }
        assertThat(aws.endpoint().requests("ssm", "GetCommandInvocation")).extracting(RecordedRequest::errorCode)
                .containsExactly("InvocationDoesNotExist", null, null, null, "InvocationDoesNotExist", null, null, null);
    }

    @Test
    void anUnknownCommandIsMotosError(LocalAws aws) {
        SsmClient ssm = aws.clients().ssm(LocalAws.REGION);

        assertThatThrownBy(() -> ssm.getCommandInvocation(invocation("00000000-0000-0000-0000-000000000000")))
                .isInstanceOf(InvalidCommandIdException.class);
    }
}
