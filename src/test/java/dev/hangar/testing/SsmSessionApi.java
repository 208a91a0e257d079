package dev.hangar.testing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Session Manager's StartSession and TerminateSession (awsJson1_1, target AmazonSSM), which moto answers with 500:
 * a session ID, a token and the WebSocket URL that session-manager-plugin would connect to.
 */
final class SsmSessionApi implements LocalApi {

    private final AtomicInteger sessions = new AtomicInteger();

    @Override
    public WireResponse answer(Call call, WireRequest request) {
        if (!"ssm".equals(call.service())) {
            return null;
        }
        String region = call.region() == null ? "us-east-1" : call.region();
        return switch (call.action()) {
            case "StartSession" -> {
                String id = "hangar-test-" + String.format("%012x", sessions.incrementAndGet());
                yield Json.response(200, Json.AWS_JSON_1_1, Json.object().put("SessionId", id)
                        .put("TokenValue", "test-session-token-" + id)
                        .put("StreamUrl", "wss://ssmmessages." + region + ".amazonaws.com/v1/data-channel/" + id + "?role=publish_subscribe"));
            }
            case "TerminateSession" -> Json.response(200, Json.AWS_JSON_1_1, Json.object().put("SessionId", call.param("SessionId")));
            default -> null;
        };
    }
}
