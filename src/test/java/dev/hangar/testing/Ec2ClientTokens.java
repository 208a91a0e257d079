package dev.hangar.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * EC2's idempotency by {@code ClientToken}, which moto ignores: a repeated token with the same
 * parameters gets the first call's answer again instead of a second instance (or volume, NAT
 * gateway, ...); with other parameters it gets IdempotentParameterMismatch. Only successful
 * answers are remembered, as in AWS. Calls with the same token are serialized, so an SDK retry
 * that overtakes a slow first attempt cannot create a duplicate either.
 */
final class Ec2ClientTokens {

    private record Key(String region, String action, String token) {}

    private record Answer(Map<String, String> params, WireResponse response) {}

    private final Map<Key, Answer> answers = new ConcurrentHashMap<>();
    private final Map<Key, Object> locks = new ConcurrentHashMap<>();

    interface Forward {
        WireResponse call() throws java.io.IOException;
    }

    WireResponse answer(Call call, Forward forward) throws java.io.IOException {
        String token = call.param("ClientToken");
        if (!"ec2".equals(call.service()) || token == null || token.isEmpty()) {
            return forward.call();
        }
        Key key = new Key(call.region(), call.action(), token);
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            Answer first = answers.get(key);
            if (first != null) {
                return first.params().equals(call.params()) ? first.response()
                        : AwsErrors.render("ec2", 400, "IdempotentParameterMismatch", "The client token you have "
                                + "provided is associated with a resource that is already deleted or has different "
                                + "parameters. Please use a different client token.");
            }
            WireResponse response = forward.call();
            if (response.status() >= 200 && response.status() < 300) {
                answers.put(key, new Answer(call.params(), response));
            }
            return response;
        }
    }

    void clear() {
        answers.clear();
        locks.clear();
    }
}
