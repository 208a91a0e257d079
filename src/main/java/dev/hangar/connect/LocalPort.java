package dev.hangar.connect;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A TCP port on this machine's loopback: is something listening on it, and waiting until something is. */
final class LocalPort {

    private static final int CONNECT_TIMEOUT_MILLIS = 500;

    private LocalPort() {
    }

    /** True when a connection to localhost:{@code port} succeeds, over IPv4 or IPv6 (the plugin listens on "localhost"). */
    static boolean accepts(int port) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName("localhost");
        } catch (UnknownHostException e) {
            addresses = new InetAddress[] {InetAddress.getLoopbackAddress()};
        }
        for (InetAddress address : addresses) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
                return true;
            } catch (IOException e) {
                // not on this address
            }
        }
        return false;
    }

    /**
     * Polls until the port accepts connections, the time is up, or {@code worthWaiting} turns false (the program that
     * was to open it has ended).
     */
    static boolean awaitAccepting(int port, Duration timeout, Duration poll, BooleanSupplier worthWaiting) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (accepts(port)) {
                return true;
            }
            if (!worthWaiting.getAsBoolean() || System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(Math.max(1, poll.toMillis()));
        }
    }
}
