package dev.hangar.testing;

/**
 * One HTTP request as it came off the socket, body already de-chunked.
 *
 * @param target the request target as sent (origin form: path and query, still percent-encoded)
 */
record WireRequest(String method, String target, Headers headers, byte[] body) {

    String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** The raw (still encoded) query string, or "" when there is none. */
    String rawQuery() {
        int q = target.indexOf('?');
        return q < 0 ? "" : target.substring(q + 1);
    }

    boolean isHead() {
        return "HEAD".equals(method);
    }
}
