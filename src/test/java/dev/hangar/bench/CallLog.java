package dev.hangar.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Every AWS call the SDK makes in this JVM, with the thread that made it: the benchmarks use it to
 * tell which launch step made which call. It is an SDK global interceptor, registered only on the
 * benchmarks' class path ({@code src/bench/resources}), so the app and its tests never see it.
 */
public final class CallLog implements ExecutionInterceptor {

    /** One call as the caller saw it, retries included; {@code request} is what was asked (which endpoint, which instance). */
    public record Entry(String service, String operation, String thread, long startNanos, long endNanos, boolean failed, SdkRequest request) {
        String name() {
            return service + ":" + operation;
        }
    }

    private static final ExecutionAttribute<Long> START = new ExecutionAttribute<>("hangar.bench.start");
    private static final List<Entry> ENTRIES = new ArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(START, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes, false, context.request());
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(attributes, true, context.request());
    }

    private static void record(ExecutionAttributes attributes, boolean failed, SdkRequest request) {
        Long start = attributes.getAttribute(START);
        Entry e = new Entry(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME), attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                Thread.currentThread().getName(), start == null ? System.nanoTime() : start, System.nanoTime(), failed, request);
        synchronized (ENTRIES) {
            ENTRIES.add(e);
        }
    }

    /** Fails with a clear message when the interceptor is not on the class path (the benchmarks were not started by -Pbench). */
    public static void requireInstalled() {
        if (CallLog.class.getClassLoader().getResource("software/amazon/awssdk/global/handlers/execution.interceptors") == null) {
            throw new AssertionError("the SDK call log is not on the class path: run the benchmarks with 'mvn -B -Pbench verify'");
        }
    }

    public static int mark() {
        synchronized (ENTRIES) {
            return ENTRIES.size();
        }
    }

    /** The calls since {@code mark}. */
    public static List<Entry> since(int mark) {
        synchronized (ENTRIES) {
            return List.copyOf(ENTRIES.subList(mark, ENTRIES.size()));
        }
    }

    /** Calls per "Service:Operation", sorted by name. */
    public static Map<String, Integer> histogram(List<Entry> calls) {
        Map<String, Integer> counts = new TreeMap<>();
        calls.forEach(e -> counts.merge(e.name(), 1, Integer::sum));
        return counts;
    }
}
