package dev.hangar.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * SSM Run Command where moto falls short (see {@link FakeRunCommand}): SendCommand and GetCommandInvocation still go
 * to moto, which keeps the commands and checks their IDs, and moto's answers are amended in the awsJson1_1 wire
 * protocol for commands a test gave an outcome: first InvocationDoesNotExist, then InProgress, then the outcome.
 */
final class RunCommandApi implements LocalApi {

    private final FakeRunCommand runCommand;
    private final MotoForwarder moto;

    RunCommandApi(FakeRunCommand runCommand, URI motoUri) {
        this.runCommand = runCommand;
        this.moto = new MotoForwarder(motoUri);
    }

    @Override
    public WireResponse answer(Call call, WireRequest request) {
        if (!"ssm".equals(call.service()) || !("SendCommand".equals(call.action()) || "GetCommandInvocation".equals(call.action()))) {
            return null;
        }
        WireResponse motos;
        try {
            motos = moto.forward(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (motos.status() != 200) {
            return motos;
        }
        JsonNode body = Json.parse(motos.body());
        if ("SendCommand".equals(call.action())) {
            runCommand.sent(body.at("/Command/CommandId").asText());
            return motos;
        }
        FakeRunCommand.Poll poll = runCommand.poll(call.param("CommandId"));
        if (poll == null) {
            return motos;
        }
        FakeRunCommand.Outcome outcome = poll.outcome();
        if (poll.before() < outcome.unknownPolls()) {
            return Json.error(400, Json.AWS_JSON_1_1, "InvocationDoesNotExist", Json.object());
        }
        ObjectNode invocation = (ObjectNode) body;
        if (poll.before() < outcome.unknownPolls() + outcome.inProgressPolls()) {
            invocation.put("Status", "InProgress").put("StatusDetails", "InProgress").put("ResponseCode", -1)
                    .put("ExecutionEndDateTime", "").put("ExecutionElapsedTime", "").put("StandardOutputContent", "")
                    .put("StandardErrorContent", "");
        } else {
            invocation.put("Status", outcome.status()).put("StatusDetails", outcome.status()).put("ResponseCode", outcome.responseCode())
                    .put("StandardOutputContent", outcome.stdout()).put("StandardErrorContent", outcome.stderr());
        }
        return Json.response(200, Json.AWS_JSON_1_1, invocation);
    }
}
