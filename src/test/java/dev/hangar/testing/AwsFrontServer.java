package dev.hangar.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Our HTTP/1.1 server in front of moto; tests point the SDK at {@link #uri()}. For every call it
 * records a {@link RecordedRequest}, applies the fixed latency and the injected {@link Fault}s, then
 * answers it itself (SSO portal, SSO OIDC, Pricing, EC2 Service Quotas, Session Manager: see {@link LocalApi}) or
 * forwards it to moto, honouring EC2's ClientToken idempotency on the way (moto ignores it). With a
 * {@link TimingProfile} turned on ({@link #setTimingProfile}), its answers take as long to settle as AWS's do.
 *
 * <p>Built on a plain {@link ServerSocket} with one daemon thread per connection, because a
 * connection reset (RST) can only be produced with the socket in hand.
 */
public final class AwsFrontServer implements AutoCloseable {

    private final ServerSocket server;
    private final MotoForwarder moto;
    private final List<LocalApi> localApis;
    private final Ec2ClientTokens clientTokens = new Ec2ClientTokens();
    private final Ec2SpotRequests spotRequests = new Ec2SpotRequests();
    private final ForeignBuckets foreignBuckets = new ForeignBuckets();
    private final RealisticTiming timing;
    private final List<RecordedRequest> record = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new ArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean closed;

    AwsFrontServer(URI motoUri, List<LocalApi> localApis) {
        this(motoUri, localApis, new RealisticTiming());
    }

    /** @param timing shared with the local APIs that answer about the same resources (Session Manager's inventory) */
    AwsFrontServer(URI motoUri, List<LocalApi> localApis, RealisticTiming timing) {
        this.timing = timing;
        this.moto = new MotoForwarder(motoUri);
        this.localApis = List.copyOf(localApis);
        try {
            this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the AWS front server's port", e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "aws-front-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The endpoint to give the SDK, e.g. {@code http://127.0.0.1:40123}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    // ---- record ----

    /** Every call since the last {@link #clearRecord()}, in the order they were answered. */
    public List<RecordedRequest> requests() {
        return List.copyOf(record);
    }

    public List<RecordedRequest> requests(String service, String action) {
        return record.stream().filter(r -> r.service().equals(service) && r.action().equals(action)).toList();
    }

    public int count(String service, String action) {
        return requests(service, action).size();
    }

    /** Calls that may have changed the account (see {@link RecordedRequest#isMutating()}). */
    public List<RecordedRequest> mutatingRequests() {
        return record.stream().filter(RecordedRequest::isMutating).toList();
    }

    public void clearRecord() {
        record.clear();
    }

    // ---- faults and latency ----

    /** Adds a rule; returns it so the test can read {@link Fault#fired()} later. */
    public Fault inject(Fault fault) {
        fault.checkComplete();
        synchronized (faults) {
            faults.add(fault);
        }
        return fault;
    }

    public void clearFaults() {
        synchronized (faults) {
            faults.clear();
        }
    }

    public List<Fault> faults() {
        synchronized (faults) {
            return List.copyOf(faults);
        }
    }

    /** Makes {@code bucket} (created in moto as usual) belong to another account; see {@link ForeignBuckets}. */
    public void bucketOwnedBy(String bucket, String ownerAccount) {
        foreignBuckets.add(bucket, ownerAccount);
    }

    /** A fixed delay before every call is answered, e.g. to make benchmarks feel like a real region. */
    public void setLatency(Duration latency) {
        this.latency = latency == null ? Duration.ZERO : latency;
    }

    /**
     * Plays back AWS's settling times from now on (see {@link TimingProfile}); null turns it off again, as every test
     * starts. E.g. {@code setTimingProfile(TimingProfile.realistic().scaledDown(10))}.
     */
    public void setTimingProfile(TimingProfile profile) {
        timing.use(profile);
    }

    /** The timing profile in use, or null when answers settle at once (moto's way). */
    public TimingProfile timingProfile() {
        return timing.profile();
    }

    /** Forgets the record, the faults, the latency, the timing profile and the ClientTokens seen: the state every test starts from. */
    void resetForTest() {
        timing.reset();
        clientTokens.clear();
        spotRequests.clear();
        foreignBuckets.clear();
        clearRecord();
        clearFaults();
        setLatency(Duration.ZERO);
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(s -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        });
    }

    // ---- serving ----

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread t = new Thread(() -> serve(socket), "aws-front-conn-" + socket.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("[aws-front] accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            while (!closed) {
                WireRequest request = HttpWire.readRequest(in, out);
                if (request == null) {
                    return;
                }
                WireResponse response = handle(request);
                if (response == null) { // connection reset requested
                    socket.setSoLinger(true, 0);
                    return; // closing with linger 0 sends RST
                }
                boolean close = request.headers().has("Connection", "close");
                HttpWire.writeResponse(out, response, request.isHead(), close);
                if (close) {
                    return;
                }
            }
        } catch (SocketException e) {
            // the client went away (or reset us); nothing to answer
        } catch (IOException e) {
            if (!closed) {
                System.err.println("[aws-front] connection failed: " + e);
            }
        } finally {
            open.remove(socket);
        }
    }

    /** The response to send, or null to reset the connection. Records the call before answering. */
    private WireResponse handle(WireRequest request) {
        Instant start = Instant.now();
        Call call = CallClassifier.classify(request);
        sleep(latency);
        Fault decisive = null;
        List<Duration> delays = new ArrayList<>();
        synchronized (faults) {
            for (Fault f : faults) {
                if (f.fireFor(call)) {
                    if (f.kind() == Fault.Kind.DELAY) {
                        delays.add(f.delayLength());
                    } else {
                        decisive = f;
                        break;
                    }
                }
            }
        }
        delays.forEach(AwsFrontServer::sleep);
        if (decisive != null && decisive.kind() == Fault.Kind.RESET) {
            record(call, request, 0, "ConnectionReset", start);
            return null;
        }
        if (decisive != null && decisive.kind() == Fault.Kind.RESPONSE_LOST) {
            WireResponse lost = answer(call, request);
            record(call, request, 0, "ResponseLost(" + lost.status() + ")", start);
            return null;
        }
        WireResponse response = decisive == null ? answer(call, request)
                : decisive.kind() == Fault.Kind.REWRITE ? decisive.rewritten(answer(call, request))
                : decisive.errorResponse(call.service());
        record(call, request, response.status(), AwsErrors.codeOf(response), start);
        return response;
    }

    private WireResponse answer(Call call, WireRequest request) {
        try {
            WireResponse refused = timing.refuse(call);
            return refused != null ? refused : timing.amend(call, untimed(call, request));
        } catch (RuntimeException e) {
            System.err.println("[aws-front] " + call.service() + ":" + call.action() + " failed in the timing profile");
            e.printStackTrace();
            return AwsErrors.render(call.service(), 500, "TestEndpointFailure", "test endpoint: " + e);
        }
    }

    private WireResponse untimed(Call call, WireRequest request) {
        try {
            for (LocalApi api : localApis) {
                WireResponse r = api.answer(call, request);
                if (r != null) {
                    return r;
                }
            }
            WireResponse foreign = foreignBuckets.answer(call, request);
            if (foreign != null) {
                return foreign;
            }
            WireResponse spot = spotRequests.answer(call);
            if (spot != null) {
                return spot;
            }
            return spotRequests.amend(call, clientTokens.answer(call, () -> moto.forward(request)));
        } catch (IOException | RuntimeException e) {
            // A bug in the test endpoint or moto gone: say so loudly, in a form the SDK reports.
            System.err.println("[aws-front] " + call.service() + ":" + call.action() + " failed inside the test endpoint");
            e.printStackTrace();
            return AwsErrors.render(call.service(), 500, "TestEndpointFailure", "test endpoint: " + e);
        }
    }

    private void record(Call call, WireRequest request, int status, String errorCode, Instant start) {
        record.add(new RecordedRequest(call.service(), call.action(), call.region(), request.method(),
                request.path(), call.params(), request.body(), request.headers().toMap(), status, errorCode,
                start, Instant.now()));
    }

    private static void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
