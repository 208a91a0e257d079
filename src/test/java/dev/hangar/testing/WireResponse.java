package dev.hangar.testing;

import java.nio.charset.StandardCharsets;

/** One HTTP response: status, headers and the whole body (re-framed with Content-Length on the way out). */
record WireResponse(int status, Headers headers, byte[] body) {

    static WireResponse of(int status, String contentType, String body) {
        Headers h = new Headers();
        if (contentType != null) {
            h.add("Content-Type", contentType);
        }
        return new WireResponse(status, h, body.getBytes(StandardCharsets.UTF_8));
    }

    String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
