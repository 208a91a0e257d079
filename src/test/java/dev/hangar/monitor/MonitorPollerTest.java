package dev.hangar.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.catalog.CatalogCache;
import dev.hangar.catalog.CatalogService;
import dev.hangar.journal.JournalStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poller on an empty journal (no region to read, so no AWS at all): snapshots arrive off the caller's thread. */
class MonitorPollerTest {

    @TempDir Path home;

    private MonitorService service() {
        Clock clock = Clock.systemUTC();
        // Never asked for clients: nothing in the journal may hold resources and no region is named.
        return new MonitorService(() -> {
            throw new AssertionError("no AWS call expected");
        }, new JournalStore(home), new CatalogService(Optional.empty(), new CatalogCache(home, clock), clock), clock);
    }

    @Test
    void refreshesOnItsOwnThreadAndTakesANewQuery() throws Exception {
        BlockingQueue<MonitorSnapshot> snapshots = new LinkedBlockingQueue<>();
        BlockingQueue<String> threads = new LinkedBlockingQueue<>();
        try (MonitorPoller poller = new MonitorPoller(service(), MonitorQuery.all(), Duration.ofHours(1), s -> {
            threads.add(Thread.currentThread().getName());
            snapshots.add(s);
        }, e -> { })) {
            poller.start();
            MonitorSnapshot first = snapshots.poll(10, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.instances()).isEmpty();
            assertThat(threads.take()).isEqualTo("hangar-monitor").isNotEqualTo(Thread.currentThread().getName());

            poller.query(MonitorQuery.all().withMetrics(MetricWindow.LAST_24_HOURS));
            MonitorSnapshot next = snapshots.poll(10, TimeUnit.SECONDS);
            assertThat(next.query().metrics()).isEqualTo(MetricWindow.LAST_24_HOURS);
            assertThat(poller.query().metrics()).isEqualTo(MetricWindow.LAST_24_HOURS);
        }
    }

    @Test
    void aFailingConsumerDoesNotEndTheSchedule() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        BlockingQueue<RuntimeException> errors = new LinkedBlockingQueue<>();
        try (MonitorPoller poller = new MonitorPoller(service(), MonitorQuery.all(), Duration.ofMillis(20), s -> {
            calls.incrementAndGet();
            throw new IllegalStateException("view gone");
        }, errors::add)) {
            poller.start();
            assertThat(errors.poll(10, TimeUnit.SECONDS)).hasMessage("view gone");
            assertThat(errors.poll(10, TimeUnit.SECONDS)).as("still polling").isNotNull();
        }
        assertThat(calls.get()).isGreaterThanOrEqualTo(2);
    }
}
