package dev.hangar.ui.monitor;

import dev.hangar.monitor.MonitorSnapshot;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;
import javafx.util.Duration;

/**
 * Refreshes the monitor every period on one daemon thread of its own ("hangar-monitor"), so refreshes
 * never overlap; after a failure it waits longer each time (first retry, doubled up to the cap) and
 * goes back to the period after a success. The view keeps its last snapshot while refreshes fail.
 *
 * <p>Backoff counts <em>consecutive</em> failures itself: {@link ScheduledService}'s own failure count
 * is reset only by a restart, so an error an hour after the last one would otherwise wait the maximum.
 */
final class MonitorRefresher extends ScheduledService<MonitorSnapshot> {

    private final Supplier<Callable<MonitorSnapshot>> nextRefresh;
    private final Duration firstRetry;
    private final Duration maxBackoff;
    private final Consumer<MonitorSnapshot> onSnapshot;
    private final BiConsumer<Throwable, Duration> onError;
    private final ReadOnlyIntegerWrapper failures = new ReadOnlyIntegerWrapper();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hangar-monitor");
        t.setDaemon(true); // a stuck AWS call must not keep the app alive after its window closed
        return t;
    });
    /** A refresh was asked for while one ran: its answer is already old (another window, an action done). */
    private boolean again;

    /**
     * @param nextRefresh asked on the FX thread for the next refresh (what to read, with which session), which then
     *                    blocks on the monitor's thread
     * @param onSnapshot each snapshot, on the FX thread
     * @param onError    each failure and how long until the next try, on the FX thread
     */
    MonitorRefresher(Supplier<Callable<MonitorSnapshot>> nextRefresh, Duration period, Duration firstRetry, Duration maxBackoff,
            Consumer<MonitorSnapshot> onSnapshot, BiConsumer<Throwable, Duration> onError) {
        this.nextRefresh = nextRefresh;
        this.firstRetry = firstRetry;
        this.maxBackoff = maxBackoff;
        this.onSnapshot = onSnapshot;
        this.onError = onError;
        setPeriod(period);
        setDelay(Duration.ZERO);
        setRestartOnFailure(true);
        setMaximumFailureCount(Integer.MAX_VALUE); // never give up: the network comes back, credentials get renewed
        setMaximumCumulativePeriod(maxBackoff.greaterThan(period) ? maxBackoff : period);
        setBackoffStrategy(service -> backoff(failures.get()));
        setExecutor(thread);
    }

    ReadOnlyIntegerProperty failuresProperty() {
        return failures.getReadOnlyProperty();
    }

    /** The wait before the next try after this many consecutive failures. */
    Duration backoff(int consecutiveFailures) {
        double millis = firstRetry.toMillis() * Math.pow(2, Math.max(0, consecutiveFailures - 1));
        return Duration.millis(Math.min(millis, maxBackoff.toMillis()));
    }

    /** Refreshes now (Refresh pressed, another window, an action ended); while a refresh runs, once more right after it. */
    void refreshNow() {
        switch (getState()) {
            case RUNNING -> again = true;
            case CANCELLED -> { } // closed
            default -> {
                // ScheduledService.cancel also drops the pending timer, which restart alone would leave to fire later.
                cancel();
                restart();
            }
        }
    }

    @Override
    protected Task<MonitorSnapshot> createTask() {
        Callable<MonitorSnapshot> refresh = nextRefresh.get();
        return new Task<>() {
            @Override
            protected MonitorSnapshot call() throws Exception {
                return refresh.call();
            }
        };
    }

    @Override
    protected void succeeded() {
        failures.set(0);
        try {
            onSnapshot.accept(getValue()); // before super, which clears the value for the next round
        } finally {
            super.succeeded(); // schedules the next round, whatever the view made of this one
            catchUp();
        }
    }

    @Override
    protected void failed() {
        failures.set(failures.get() + 1);
        try {
            onError.accept(getException(), backoff(failures.get()));
        } finally {
            super.failed(); // asks the backoff strategy, with the count just raised
            catchUp();
        }
    }

    private void catchUp() {
        if (again) {
            again = false;
            Platform.runLater(this::refreshNow); // not from inside the state change that is still being handled
        }
    }

    /** Stops refreshing; a refresh under way is interrupted and its answer dropped. */
    void close() {
        cancel();
        thread.shutdownNow();
    }
}
