package dev.hangar.monitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Log-follow latencies: the times between PutLogEvents returning and the line showing, and the spacing of the events. */
public final class Latencies {

    /** Seeded, so that every run writes at the same rhythm: a line every 0 to 3 s, as training steps print. */
    private final Random spacing = new Random(19);
    private final List<Long> millis = new ArrayList<>();

    public long nextGapMillis() {
        return spacing.nextInt(3_000);
    }

    public void add(long nanos) {
        millis.add(nanos / 1_000_000);
    }

    public String summary(String what) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        long median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return String.format("log-follow latency, %s: median %d ms, p90 %d ms, max %d ms over %d events (PutLogEvents returned -> line shown)",
                what, median, sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1), sorted.get(sorted.size() - 1), sorted.size());
    }
}
