package dev.hangar.testing;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A rule that makes the front server misbehave for matching calls, e.g.
 * <pre>{@code
 * endpoint.inject(Fault.on("ec2", "RunInstances").times(2).error(503, "RequestLimitExceeded", "Request limit exceeded."));
 * endpoint.inject(Fault.on("ec2", "RunInstances").where("Placement.AvailabilityZone", "us-east-1a").always()
 *         .error(500, "InsufficientInstanceCapacity", "We currently do not have sufficient g5.xlarge capacity ..."));
 * endpoint.inject(Fault.on("iam", "*").connectionReset());
 * endpoint.inject(Fault.on("ec2", "RunInstances").responseLost());   // acted on, then the connection is reset
 * endpoint.inject(Fault.on("ec2", "DescribeInstances").always().delay(Duration.ofMillis(200)));
 * endpoint.inject(Fault.on("ec2", "DescribeInstances").times(5).rewrite("<name>running</name>", "<name>pending</name>"));
 * }</pre>
 * A rule fires once unless {@link #times(int)} or {@link #always()} says otherwise; {@link #skip(int)}
 * lets the first n matching calls through. Rules are tried in the order injected and the first
 * error or reset wins; a delay is not final: the call sleeps, then the remaining rules and the
 * normal answer (ours or moto's) follow. Counters can be read while and after the test runs.
 */
public final class Fault {

    enum Kind { ERROR, RESET, RESPONSE_LOST, DELAY, REWRITE }

    private final String service;
    private final String action;
    private Predicate<Map<String, String>> when = p -> true;
    private String description = "";
    private int times = 1;
    private int skip;
    private Kind kind;
    private int status;
    private String code;
    private String message;
    private Duration delay;
    private String from;
    private String to;
    private final AtomicInteger matched = new AtomicInteger();
    private final AtomicInteger fired = new AtomicInteger();

    private Fault(String service, String action) {
        this.service = Objects.requireNonNull(service, "service");
        this.action = Objects.requireNonNull(action, "action");
    }

    /**
     * @param service as in {@link RecordedRequest#service()}: ec2, iam, sts, s3, cloudwatch, ssm, ...
     * @param action  the operation, e.g. "RunInstances", or "*" for every operation of the service
     */
    public static Fault on(String service, String action) {
        return new Fault(service, action);
    }

    /** Fire for the next n matching calls (after any skipped ones). */
    public Fault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        this.times = n;
        return this;
    }

    /** Fire for every matching call. */
    public Fault always() {
        this.times = Integer.MAX_VALUE;
        return this;
    }

    /** Let the first n matching calls through untouched. */
    public Fault skip(int n) {
        this.skip = n;
        return this;
    }

    /** Match only calls whose flat parameter {@code name} equals {@code value}. */
    public Fault where(String name, String value) {
        Predicate<Map<String, String>> before = when;
        this.when = before.and(p -> Objects.equals(p.get(name), value));
        this.description += " where " + name + "=" + value;
        return this;
    }

    /** Match only calls whose flat parameters satisfy the predicate. */
    public Fault when(Predicate<Map<String, String>> predicate) {
        this.when = when.and(predicate);
        this.description += " when <predicate>";
        return this;
    }

    /** Answer an AWS error in the service's wire format instead of calling the service. */
    public Fault error(int status, String code, String message) {
        this.kind = Kind.ERROR;
        this.status = status;
        this.code = code;
        this.message = message;
        return this;
    }

    /** Reset the TCP connection (RST, no response) after reading the request. */
    public Fault connectionReset() {
        this.kind = Kind.RESET;
        return this;
    }

    /**
     * Let the call through (moto or our own API acts on it), then reset the connection instead of
     * answering: the client sees a failure although the call took effect — the case EC2's
     * ClientToken exists for (which the front server honours, unlike moto).
     */
    public Fault responseLost() {
        this.kind = Kind.RESPONSE_LOST;
        return this;
    }

    /** Hold the call for this long, then go on answering it normally. */
    public Fault delay(Duration d) {
        this.kind = Kind.DELAY;
        this.delay = d;
        return this;
    }

    /**
     * Answer normally, then replace every {@code from} in the answer's body with {@code to}: a state the
     * emulator does not hold long enough (an instance still pending, a volume still attaching).
     */
    public Fault rewrite(String from, String to) {
        this.kind = Kind.REWRITE;
        this.from = from;
        this.to = to;
        return this;
    }

    WireResponse rewritten(WireResponse response) {
        byte[] body = response.bodyAsString().replace(from, to).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new WireResponse(response.status(), response.headers(), body);
    }

    /** How many calls matched service, action and predicate (skipped ones included). */
    public int matched() {
        return matched.get();
    }

    /** How many calls this rule misbehaved on. */
    public int fired() {
        return fired.get();
    }

    /** Counts a call and tells whether the rule fires for it; the caller serializes calls. */
    boolean fireFor(Call call) {
        if (!service.equals(call.service()) || !("*".equals(action) || action.equals(call.action()))
                || !when.test(call.params())) {
            return false;
        }
        if (matched.incrementAndGet() <= skip || fired.get() >= times) {
            return false;
        }
        fired.incrementAndGet();
        return true;
    }

    void checkComplete() {
        if (kind == null) {
            throw new IllegalStateException("fault " + this + " says neither error(), connectionReset() nor delay()");
        }
    }

    Kind kind() {
        return kind;
    }

    Duration delayLength() {
        return delay;
    }

    WireResponse errorResponse(String forService) {
        return AwsErrors.render(forService, status, code, message);
    }

    @Override
    public String toString() {
        String what = kind == null ? "?" : switch (kind) {
            case ERROR -> "error " + status + " " + code;
            case RESET -> "connection reset";
            case RESPONSE_LOST -> "response lost";
            case DELAY -> "delay " + delay;
            case REWRITE -> "rewrite " + from + " to " + to;
        };
        return service + ":" + action + description + " -> " + what
                + (times == Integer.MAX_VALUE ? " always" : " x" + times) + (skip > 0 ? " after " + skip : "")
                + " (fired " + fired.get() + ")";
    }
}
