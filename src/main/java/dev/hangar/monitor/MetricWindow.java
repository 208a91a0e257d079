package dev.hangar.monitor;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/** How far back the monitor's charts reach, and at what resolution (CloudWatch keeps 1-minute data for 15 days). */
public enum MetricWindow {
    LAST_HOUR("1h", Duration.ofHours(1), 60),
    LAST_6_HOURS("6h", Duration.ofHours(6), 300),
    LAST_24_HOURS("24h", Duration.ofHours(24), 300);

    private final String label;
    private final Duration length;
    private final int periodSeconds;

    MetricWindow(String label, Duration length, int periodSeconds) {
        this.label = label;
        this.length = length;
        this.periodSeconds = periodSeconds;
    }

    /** {@code 1h}, {@code 6h} or {@code 24h}: what the command line takes and the view shows. */
    public String label() {
        return label;
    }

    public Duration length() {
        return length;
    }

    public int periodSeconds() {
        return periodSeconds;
    }

    /** Data points one metric has at most over the window. */
    public int pointsPerSeries() {
        return (int) (length.toSeconds() / periodSeconds) + 1;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static MetricWindow parse(String label) {
        String wanted = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(w -> w.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("metrics window '" + label + "': use 1h, 6h or 24h"));
    }

    @Override
    public String toString() {
        return label;
    }
}
