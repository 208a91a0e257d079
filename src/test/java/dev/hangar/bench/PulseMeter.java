package dev.hangar.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;

/**
 * The longest time the FX thread went without a pulse. An AnimationTimer asks for a pulse every
 * frame (about 16.7 ms at 60 Hz), so any longer gap between two of its calls is time the FX thread
 * spent on something else: a stall the user sees as a frozen window. While a pulse is late, a
 * sampler thread notes what the FX thread is doing, so that each long gap says where it came from.
 */
final class PulseMeter extends AnimationTimer {

    private static final long LONG_GAP_NANOS = 50_000_000L;
    private static final long LATE_NANOS = 25_000_000L;

    /**
     * A gap over 50 ms: when it began (ms after the reset), how long it was, how much of it the FX thread
     * itself spent on the CPU (the rest it waited: for the renderer, for a lock, for a CPU), the GC time
     * in it, and what the FX thread ran.
     */
    record Gap(double atMs, double gapMs, double fxCpuMs, long gcMs, Map<String, Integer> samples) {
    }

    /** @param longestFxCpuMs the most CPU time the FX thread spent between two pulses: its own work, whatever the machine */
    record Reading(double longestGapMs, double longestFxCpuMs, long pulses, List<Gap> longGaps, long gcMs) {
    }

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private volatile long last;
    private volatile Thread fxThread;
    private long start;
    private long longest;
    private long pulses;
    private long gcAtReset;
    private long gcAtLastPulse;
    private long cpuAtLastPulse;
    private long longestCpu;
    private final List<Gap> longGaps = new ArrayList<>();
    private final Map<String, Integer> current = new LinkedHashMap<>();

    PulseMeter() {
        Thread sampler = new Thread(this::sample, "bench-stall-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    @Override
    public void handle(long ignored) {
        long now = System.nanoTime(); // the pulse's own timestamp is when it was scheduled, not when it ran
        fxThread = Thread.currentThread();
        long gc = gcMillis();
        long cpu = THREADS.getCurrentThreadCpuTime();
        if (last != 0) {
            long gap = now - last;
            longest = Math.max(longest, gap);
            longestCpu = Math.max(longestCpu, cpu - cpuAtLastPulse);
            if (gap > LONG_GAP_NANOS) {
                synchronized (current) {
                    longGaps.add(new Gap((last - start) / 1e6, gap / 1e6, (cpu - cpuAtLastPulse) / 1e6, gc - gcAtLastPulse, top(current)));
                }
            }
        }
        cpuAtLastPulse = cpu;
        synchronized (current) {
            current.clear();
        }
        gcAtLastPulse = gc;
        last = now;
        pulses++;
    }

    /** Starts a new measurement; call on the FX thread. */
    void reset() {
        start = System.nanoTime();
        last = 0;
        longest = 0;
        longestCpu = 0;
        pulses = 0;
        longGaps.clear();
        gcAtReset = gcMillis();
    }

    /** Call on the FX thread. */
    Reading read() {
        return new Reading(longest / 1e6, longestCpu / 1e6, pulses, List.copyOf(longGaps), gcMillis() - gcAtReset);
    }

    private void sample() {
        while (true) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
            Thread fx = fxThread;
            long since = last;
            if (fx != null && since != 0 && System.nanoTime() - since > LATE_NANOS) {
                String frame = describe(fx.getStackTrace());
                synchronized (current) {
                    current.merge(frame, 1, Integer::sum);
                }
            }
        }
    }

    private static Map<String, Integer> top(Map<String, Integer> samples) {
        Map<String, Integer> out = new LinkedHashMap<>();
        samples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(6)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** The top frame, and the app's own frame nearest to it (else the nearest JavaFX one): enough to tell rendering from loading from our code. */
    private static String describe(StackTraceElement[] stack) {
        if (stack.length == 0) {
            return "(no stack)";
        }
        String top = stack[0].getClassName() + "." + stack[0].getMethodName();
        for (StackTraceElement f : stack) {
            if (f.getClassName().startsWith("dev.hangar.") && !f.getClassName().startsWith("dev.hangar.bench.")) {
                return top + " ← " + f.getClassName() + "." + f.getMethodName() + ":" + f.getLineNumber();
            }
        }
        for (int i = 1; i < stack.length; i++) {
            StackTraceElement f = stack[i];
            if (f.getClassName().startsWith("javafx.") || f.getClassName().startsWith("com.sun.javafx.")) {
                return top + " ← " + f.getClassName() + "." + f.getMethodName();
            }
        }
        return top;
    }
}
