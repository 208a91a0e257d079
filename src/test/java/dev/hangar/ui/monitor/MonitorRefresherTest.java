package dev.hangar.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.monitor.MonitorQuery;
import dev.hangar.monitor.MonitorSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The refresher's schedule without AWS: backoff on failures, back to the period on success, no overlap. */
@ExtendWith(ApplicationExtension.class)
class MonitorRefresherTest {

    private static final Duration HOUR = Duration.hours(1);
    private final BlockingQueue<MonitorSnapshot> snapshots = new LinkedBlockingQueue<>();
    private final BlockingQueue<Duration> retries = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
    private MonitorRefresher refresher;

    @Start
    void start(Stage stage) {
        // only the FX thread is needed
    }

    @AfterEach
    void close() {
        if (refresher != null) {
            MonitorDriver.onFx(() -> {
                refresher.close();
                return null;
            });
        }
    }

    private static MonitorSnapshot snapshot() {
        return new MonitorSnapshot(Instant.now(), MonitorQuery.all(), List.of(), List.of(), List.of());
    }

    private MonitorRefresher refresher(java.util.concurrent.Callable<MonitorSnapshot> refresh, Duration firstRetry, Duration maxBackoff) {
        return MonitorDriver.onFx(() -> {
            MonitorRefresher r = new MonitorRefresher(() -> refresh, HOUR, firstRetry, maxBackoff, snapshots::add, (e, wait) -> {
                errors.add(e.getMessage());
                retries.add(wait);
            });
            r.start();
            return r;
        });
    }

    @Test
    void backsOffAfterEachFailureInARowAndReturnsToThePeriodAfterASuccess() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        refresher = refresher(() -> {
            if (calls.incrementAndGet() <= 3) {
                throw new IllegalStateException("throttled " + calls.get());
            }
            return snapshot();
        }, Duration.millis(40), Duration.millis(120));

        assertThat(snapshots.poll(10, TimeUnit.SECONDS)).as("it kept trying until it got through").isNotNull();
        assertThat(errors).containsExactly("throttled 1", "throttled 2", "throttled 3");
        assertThat(retries).containsExactly(Duration.millis(40), Duration.millis(80), Duration.millis(120));
        assertThat(MonitorDriver.onFx(() -> refresher.failuresProperty().get())).isZero();
        assertThat(MonitorDriver.onFx(() -> refresher.getCumulativePeriod())).as("back to the period").isEqualTo(HOUR);
        Thread.sleep(300);
        assertThat(calls.get()).as("nothing more within the hour").isEqualTo(4);
    }

    @Test
    void theBackoffDoublesUpToItsCap() {
        refresher = refresher(MonitorRefresherTest::snapshot, Duration.seconds(10), Duration.minutes(10));
        assertThat(refresher.backoff(1)).isEqualTo(Duration.seconds(10));
        assertThat(refresher.backoff(2)).isEqualTo(Duration.seconds(20));
        assertThat(refresher.backoff(4)).isEqualTo(Duration.seconds(80));
        assertThat(refresher.backoff(30)).isEqualTo(Duration.minutes(10));
    }

    @Test
    void aRefreshAskedForWhileOneRunsFollowsItNeverBesideIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        refresher = refresher(() -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                if (calls.incrementAndGet() == 1) {
                    release.await(10, TimeUnit.SECONDS);
                }
                return snapshot();
            } finally {
                inside.decrementAndGet();
            }
        }, Duration.millis(40), Duration.millis(120));
        MonitorDriver.waitUntil(() -> calls.get() == 1, "the first refresh to run");
        MonitorDriver.onFx(() -> {
            refresher.refreshNow();
            refresher.refreshNow();
            return null;
        });
        release.countDown();

        assertThat(snapshots.poll(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(snapshots.poll(10, TimeUnit.SECONDS)).as("the one asked for meanwhile").isNotNull();
        Thread.sleep(200);
        assertThat(calls.get()).as("two asks while running are one more refresh").isEqualTo(2);
        assertThat(most.get()).as("never two at once").isEqualTo(1);

        MonitorDriver.onFx(() -> {
            refresher.refreshNow();
            return null;
        });
        assertThat(snapshots.poll(10, TimeUnit.SECONDS)).as("asked while waiting: at once").isNotNull();
        assertThat(calls.get()).isEqualTo(3);
    }
}
