package dev.hangar.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes HTTP/1.1 messages on raw streams: request and status lines, header fields,
 * bodies framed by Content-Length, by chunked transfer coding, or (responses only) by the end of
 * the connection. Small on purpose: the front server needs to control the socket itself (to reset
 * a connection), which no JDK HTTP server allows.
 */
final class HttpWire {

    private static final int MAX_LINE = 64 * 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(204, "No Content"), Map.entry(206, "Partial Content"),
            Map.entry(301, "Moved Permanently"), Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(409, "Conflict"), Map.entry(412, "Precondition Failed"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"));

    private HttpWire() {}

    /**
     * The next request on a connection, or null when the client closed it between requests.
     * Answers {@code Expect: 100-continue} itself: the SDK's Apache client sends it on S3 uploads
     * and would otherwise wait for its continue-timeout before sending the body.
     */
    static WireRequest readRequest(InputStream in, OutputStream out) throws IOException {
        String line = readLine(in);
        while (line != null && line.isEmpty()) {
            line = readLine(in); // tolerate stray CRLF between requests (RFC 9112 2.2)
        }
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ", 3);
        if (parts.length < 3) {
            throw new IOException("malformed request line: " + line);
        }
        Headers headers = readHeaders(in);
        boolean chunked = isChunked(headers);
        long length = contentLength(headers);
        if (headers.has("Expect", "100-continue") && (chunked || length > 0)) {
            out.write(CONTINUE);
            out.flush();
        }
        byte[] body = chunked ? readChunked(in) : readFixed(in, Math.max(0, length));
        return new WireRequest(parts[0], parts[1], headers, body);
    }

    /** A response to a request with the given method; 1xx interim responses are skipped. */
    static WireResponse readResponse(InputStream in, String requestMethod) throws IOException {
        while (true) {
            String line = readLine(in);
            if (line == null) {
                throw new EOFException("connection closed before a response arrived");
            }
            String[] parts = line.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("malformed status line: " + line);
            }
            int status = Integer.parseInt(parts[1]);
            Headers headers = readHeaders(in);
            if (status >= 100 && status < 200) {
                continue;
            }
            byte[] body;
            if ("HEAD".equals(requestMethod) || status == 204 || status == 304) {
                body = new byte[0];
            } else if (isChunked(headers)) {
                body = readChunked(in);
            } else if (contentLength(headers) >= 0) {
                body = readFixed(in, contentLength(headers));
            } else {
                body = in.readAllBytes();
            }
            return new WireResponse(status, headers, body);
        }
    }

    /** Writes a request with a Content-Length (the caller has removed hop-by-hop fields). */
    static void writeRequest(OutputStream out, WireRequest request) throws IOException {
        StringBuilder head = new StringBuilder()
                .append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        appendHeaders(head, request.headers());
        boolean bodyless = request.body().length == 0 && ("GET".equals(request.method()) || request.isHead());
        if (!bodyless) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(request.body());
        out.flush();
    }

    /**
     * Writes a response framed by Content-Length. For HEAD the Content-Length is kept as given
     * (it describes the resource, as S3's HeadObject relies on) and no body is sent.
     */
    static void writeResponse(OutputStream out, WireResponse response, boolean head, boolean close) throws IOException {
        String reason = REASONS.getOrDefault(response.status(), "Status");
        StringBuilder text = new StringBuilder()
                .append("HTTP/1.1 ").append(response.status()).append(' ').append(reason).append("\r\n");
        Headers headers = response.headers().copy();
        String headLength = headers.first("Content-Length");
        headers.remove("Content-Length").remove("Transfer-Encoding").remove("Connection");
        appendHeaders(text, headers);
        if (head) {
            if (headLength != null) {
                text.append("Content-Length: ").append(headLength).append("\r\n");
            }
        } else {
            text.append("Content-Length: ").append(response.body().length).append("\r\n");
        }
        if (close) {
            text.append("Connection: close\r\n");
        }
        text.append("\r\n");
        out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!head) {
            out.write(response.body());
        }
        out.flush();
    }

    private static void appendHeaders(StringBuilder text, Headers headers) {
        for (Headers.Field f : headers.fields()) {
            text.append(f.name()).append(": ").append(f.value()).append("\r\n");
        }
    }

    private static Headers readHeaders(InputStream in) throws IOException {
        Headers headers = new Headers();
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        if (line == null) {
            throw new EOFException("connection closed inside the header section");
        }
        return headers;
    }

    private static boolean isChunked(Headers headers) {
        String te = headers.first("Transfer-Encoding");
        return te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
    }

    private static long contentLength(Headers headers) {
        String cl = headers.first("Content-Length");
        return cl == null ? -1 : Long.parseLong(cl.trim());
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new EOFException("connection closed inside a chunked body");
            }
            int semi = sizeLine.indexOf(';');
            int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            if (size == 0) {
                String trailer;
                while ((trailer = readLine(in)) != null && !trailer.isEmpty()) {
                    // trailer fields are dropped; nothing we forward needs them
                }
                return body.toByteArray();
            }
            body.write(readFixed(in, size));
            readLine(in); // the CRLF after each chunk
        }
    }

    private static byte[] readFixed(InputStream in, long length) throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("body too large for the test endpoint: " + length);
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new EOFException("connection closed after " + body.length + " of " + length + " body bytes");
        }
        return body;
    }

    /** One line without its CRLF (or bare LF), or null at end of stream before any byte. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        if (line.size() == 0) {
            return null;
        }
        throw new EOFException("connection closed inside a line");
    }
}
