package dev.hangar.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON helpers for the services the front server answers itself. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** awsJson1_1 (Pricing, Service Quotas, SSM) */
    static final String AWS_JSON_1_1 = "application/x-amz-json-1.1";
    /** restJson1 (SSO portal, SSO OIDC) */
    static final String REST_JSON = "application/json";

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return object();
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static WireResponse response(int status, String contentType, JsonNode body) {
        return WireResponse.of(status, contentType, write(body));
    }

    /**
     * A JSON error as AWS sends it: the SDK reads the code from {@code x-amzn-ErrorType} first and
     * from {@code __type} otherwise. awsJson services put {@code __type} in the body; restJson
     * services (SSO, SSO OIDC) only send the header.
     */
    static WireResponse error(int status, String contentType, String code, ObjectNode fields) {
        ObjectNode body = object();
        if (AWS_JSON_1_1.equals(contentType)) {
            body.put("__type", code);
        }
        body.setAll(fields);
        WireResponse r = response(status, contentType, body);
        r.headers().add("x-amzn-ErrorType", code);
        return r;
    }
}
