package dev.hangar.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;

/**
 * Passes a request on to moto over a fresh connection and returns moto's whole response. The SigV4
 * headers go through untouched (moto does not check signatures); hop-by-hop fields are dropped on
 * both legs and the body is re-framed with a Content-Length. One connection per request keeps this
 * simple and never hands a half-read keep-alive connection to the next call.
 */
final class MotoForwarder {

    private static final List<String> HOP_BY_HOP = List.of(
            "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization",
            "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Expect", "Content-Length");

    private final URI moto;

    MotoForwarder(URI moto) {
        this.moto = moto;
    }

    WireResponse forward(WireRequest request) throws IOException {
        Headers headers = request.headers().copy();
        HOP_BY_HOP.forEach(headers::remove);
        headers.add("Connection", "close");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(moto.getHost(), moto.getPort()), 5_000);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(120_000);
            HttpWire.writeRequest(new BufferedOutputStream(socket.getOutputStream()),
                    new WireRequest(request.method(), request.target(), headers, request.body()));
            WireResponse response = HttpWire.readResponse(new BufferedInputStream(socket.getInputStream()), request.method());
            Headers out = response.headers().copy();
            HOP_BY_HOP.stream().filter(h -> !h.equals("Content-Length") || !request.isHead()).forEach(out::remove);
            return new WireResponse(response.status(), out, response.body());
        }
    }
}
