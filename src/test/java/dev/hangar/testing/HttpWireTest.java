package dev.hangar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpWireTest {

    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void chunkedRequestBodyIsDechunkedAndContinueIsSent() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WireRequest r = HttpWire.readRequest(in("PUT /b/k HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: t\r\n\r\n"), out);

        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("hello world");
        assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
    }

    @Test
    void keepAliveConnectionYieldsRequestsUntilEndOfStream() throws Exception {
        ByteArrayInputStream stream = in("POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET /x?y=1 HTTP/1.1\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        WireRequest first = HttpWire.readRequest(stream, out);
        WireRequest second = HttpWire.readRequest(stream, out);

        assertThat(first.body()).hasSize(3);
        assertThat(second.path()).isEqualTo("/x");
        assertThat(second.rawQuery()).isEqualTo("y=1");
        assertThat(HttpWire.readRequest(stream, out)).isNull();
    }

    @Test
    void responsesAreReadByLengthByChunksOrToTheEnd() throws Exception {
        assertThat(HttpWire.readResponse(in("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA"), "GET").bodyAsString())
                .isEqualTo("ok");
        assertThat(HttpWire.readResponse(in("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"),
                "GET").bodyAsString()).isEqualTo("ok");
        assertThat(HttpWire.readResponse(in("HTTP/1.1 200 OK\r\n\r\nuntil close"), "GET").bodyAsString())
                .isEqualTo("until close");
        assertThat(HttpWire.readResponse(in("HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n"), "HEAD").body()).isEmpty();
    }

    @Test
    void responseIsWrittenWithContentLengthAndHeadKeepsTheResourceLength() throws Exception {
        WireResponse r = WireResponse.of(200, "text/plain", "hello");
        r.headers().add("Transfer-Encoding", "chunked");
        ByteArrayOutputStream get = new ByteArrayOutputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        WireResponse headResponse = WireResponse.of(200, null, "");
        headResponse.headers().add("Content-Length", "1234");

        HttpWire.writeResponse(get, r, false, false);
        HttpWire.writeResponse(head, headResponse, true, true);

        assertThat(get.toString(StandardCharsets.ISO_8859_1))
                .isEqualTo("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello");
        assertThat(head.toString(StandardCharsets.ISO_8859_1))
                .isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\nConnection: close\r\n\r\n");
    }
}
