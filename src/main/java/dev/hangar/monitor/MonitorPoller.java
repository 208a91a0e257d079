package dev.hangar.monitor;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Refreshes the monitor every interval on one background thread of its own, so refreshes never
 * overlap and never run on the caller's (UI) thread. Snapshots and errors are handed to the consumers
 * on that background thread: a JavaFX view wraps them in {@code Platform.runLater}.
 */
public final class MonitorPoller implements AutoCloseable {

    private final MonitorService service;
    private final Duration interval;
    private final Consumer<MonitorSnapshot> onSnapshot;
    private final Consumer<RuntimeException> onError;
    private final AtomicReference<MonitorQuery> query;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hangar-monitor");
        t.setDaemon(true); // a stuck AWS call must not keep the app alive after its window closed
        return t;
    });

    /**
     * @param onError told when a refresh fails as a whole (the journal cannot be read) or onSnapshot throws; a
     *                region that cannot be read is only a problem inside the snapshot
     */
    public MonitorPoller(MonitorService service, MonitorQuery query, Duration interval, Consumer<MonitorSnapshot> onSnapshot,
            Consumer<RuntimeException> onError) {
        this.service = service;
        this.query = new AtomicReference<>(query);
        this.interval = interval;
        this.onSnapshot = onSnapshot;
        this.onError = onError;
    }

    /** Refreshes now, then every interval after the previous refresh ended. */
    public void start() {
        thread.scheduleWithFixedDelay(this::refreshOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One more refresh as soon as the thread is free, e.g. after an action or when the user presses Refresh. */
    public void refreshNow() {
        thread.execute(this::refreshOnce);
    }

    /** Changes what is read (another metrics window, more regions), and refreshes with it. */
    public void query(MonitorQuery next) {
        query.set(next);
        refreshNow();
    }

    public MonitorQuery query() {
        return query.get();
    }

    /** A failure must not end the schedule (an exception would cancel it): it goes to onError. */
    private void refreshOnce() {
        try {
            onSnapshot.accept(service.refresh(query.get()));
        } catch (RuntimeException e) {
            try {
                onError.accept(e);
            } catch (RuntimeException ignored) {
                // the next refresh is what matters
            }
        }
    }

    /** Stops polling; a refresh under way finishes in the background, unseen. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
