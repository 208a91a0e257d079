package dev.hangar.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One moto server ({@code moto.server}) on 127.0.0.1 and a free port, started by {@link #start()}.
 *
 * <p>It cannot outlive the JVM: python runs a small bootstrap ({@code moto_bootstrap.py}) that
 * exits as soon as its stdin, a pipe held by this JVM, reaches end of file — which happens however
 * the JVM ends, kill -9 included. A shutdown hook also stops it (and any children) on a normal exit.
 *
 * <p>Environment given to moto, and why:
 * <ul>
 * <li>{@code MOTO_IAM_LOAD_MANAGED_POLICIES=true}: AWS-managed policy ARNs (AmazonSSMManagedInstanceCore, ...)
 *     resolve only with it.</li>
 * <li>{@code MOTO_AMIS_PATH}: our Deep Learning AMI fixtures ({@link Fixtures}). On its own it would
 *     <em>replace</em> moto's default AMIs, and moto 5.2.1 crashes (HTTP 500) on the second region or
 *     the first reset when a fixture has a {@code creation_date}; the bootstrap fixes both.</li>
 * <li>{@code MOTO_ENABLE_AMI_VALIDATION}, {@code MOTO_EC2_ENABLE_INSTANCE_TYPE_VALIDATION},
 *     {@code MOTO_ENABLE_KEYPAIR_VALIDATION}: without them moto launches any AMI ID, instance type or
 *     key name, where AWS answers InvalidAMIID.NotFound, InvalidInstanceType, InvalidKeyPair.NotFound.</li>
 * </ul>
 * The bootstrap also stops moto from building the IAM backends of five partitions we never use on
 * every request after IAM was touched (about a second per test). System properties:
 * {@code hangar.moto.python} (default python3), {@code hangar.moto.version} (the pinned version to
 * install when python3 has no moto), {@code hangar.moto.startTimeoutSeconds} (90),
 * {@code hangar.moto.log=true} (echo moto's request log to stderr).
 */
public final class MotoServer implements AutoCloseable {

    private static final Duration START_TIMEOUT =
            Duration.ofSeconds(Long.getLong("hangar.moto.startTimeoutSeconds", 90));
    private static final int STDERR_TAIL_LINES = 60;

    private final Process process;
    private final URI uri;
    private final MotoPython python;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final Thread shutdownHook;

    private MotoServer(MotoPython python, Path amis, int port) throws IOException {
        this.python = python;
        this.uri = URI.create("http://127.0.0.1:" + port);
        ProcessBuilder pb = new ProcessBuilder(python.python(), "-c", resource("moto_bootstrap.py"), String.valueOf(port))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = pb.environment();
        env.put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
        env.put("MOTO_AMIS_PATH", amis.toString());
        env.put("MOTO_ENABLE_AMI_VALIDATION", "true");
        env.put("MOTO_EC2_ENABLE_INSTANCE_TYPE_VALIDATION", "true");
        env.put("MOTO_ENABLE_KEYPAIR_VALIDATION", "true");
        env.put("PYTHONUNBUFFERED", "1");
        env.remove("AWS_ENDPOINT_URL");
        python.pythonPath().ifPresent(p -> env.merge("PYTHONPATH", p.toString(), (old, ours) -> ours + ":" + old));
        this.process = pb.start();
        Thread drain = new Thread(this::drainStderr, "moto-stderr");
        drain.setDaemon(true);
        drain.start();
        this.shutdownHook = new Thread(this::stop, "moto-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Finds python and moto (installing moto if need be), starts it and waits until it answers. */
    public static MotoServer start() {
        long t0 = System.nanoTime();
        MotoPython python = MotoPython.locate();
        Path amis = Fixtures.amisFile();
        for (int attempt = 1; ; attempt++) {
            MotoServer moto;
            try {
                moto = new MotoServer(python, amis, freePort());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + python.python() + " for moto", e);
            }
            try {
                moto.awaitReady();
                System.err.printf("[moto] moto %s (%s) on %s, started in %.1fs%n", python.version(),
                        python.description(), moto.uri, (System.nanoTime() - t0) / 1e9);
                return moto;
            } catch (RuntimeException e) {
                moto.close();
                // the free port we picked can be taken by someone else before moto binds it
                if (attempt >= 3 || !moto.stderrTail().contains("Address already in use")) {
                    throw e;
                }
            }
        }
    }

    public URI uri() {
        return uri;
    }

    public String version() {
        return python.version();
    }

    /** Forgets every resource in every account and region ({@code POST /moto-api/reset}). */
    public void reset() {
        try {
            int status = post("/moto-api/reset", 30_000);
            if (status != 200) {
                throw new IllegalStateException("moto reset answered HTTP " + status + "\n" + stderrTail());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("moto reset failed (alive: " + process.isAlive() + ")\n" + stderrTail(), e);
        }
    }

    /** The last lines moto wrote to stderr (its request log and any traceback). */
    public String stderrTail() {
        synchronized (stderrTail) {
            return String.join("\n", stderrTail);
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        try {
            process.getOutputStream().close(); // EOF on stdin: the bootstrap calls os._exit(0)
            if (process.waitFor(3, TimeUnit.SECONDS)) {
                return;
            }
        } catch (IOException ignored) {
            // fall through to destroying it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto exited with code " + process.exitValue() + " while starting ("
                        + python.description() + "); its stderr ends with:\n" + stderrTail());
            }
            try {
                if (post("/moto-api/reset", 2_000) == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto", e);
            }
        }
        throw new IllegalStateException("moto did not answer on " + uri + " within " + START_TIMEOUT.toSeconds()
                + "s (raise -Dhangar.moto.startTimeoutSeconds); its stderr ends with:\n" + stderrTail());
    }

    private int post(String path, int timeoutMillis) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.resolve(path).toURL().openConnection();
        c.setRequestMethod("POST");
        c.setConnectTimeout(timeoutMillis);
        c.setReadTimeout(timeoutMillis);
        c.setDoOutput(true);
        c.getOutputStream().close();
        try {
            int status = c.getResponseCode();
            InputStream body = status < 400 ? c.getInputStream() : c.getErrorStream();
            if (body != null) {
                body.readAllBytes();
                body.close();
            }
            return status;
        } finally {
            c.disconnect();
        }
    }

    private void drainStderr() {
        boolean echo = Boolean.getBoolean("hangar.moto.log");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (echo) {
                    System.err.println("[moto] " + line);
                }
                synchronized (stderrTail) {
                    stderrTail.addLast(line);
                    if (stderrTail.size() > STDERR_TAIL_LINES) {
                        stderrTail.removeFirst();
                    }
                }
            }
        } catch (IOException ignored) {
            // moto is gone
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MotoServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource dev/hangar/testing/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Path copyResourceToTempFile(String name, String suffix) {
        try (InputStream in = MotoServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource dev/hangar/testing/" + name);
            }
            Path file = Files.createTempFile("hangar-", suffix);
            file.toFile().deleteOnExit();
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
