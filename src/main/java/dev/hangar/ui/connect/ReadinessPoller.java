package dev.hangar.ui.connect;

import dev.hangar.auth.Cancellation;
import dev.hangar.auth.Sleeper;
import dev.hangar.connect.Readiness;
import dev.hangar.ui.concurrent.TaskExecutor;
import dev.hangar.ui.concurrent.TaskHandle;
import dev.hangar.ui.concurrent.Tasks;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

/**
 * Asks whether an instance is reachable now, then again on the {@link PollSchedule} until it is, or until the
 * schedule gives up. Each check, and the wait before it, runs as a background task: the UI thread only hears the
 * answers. {@link #stop} ends the wait at once and drops any answer still to come.
 */
final class ReadinessPoller {

    /** What the poller reports, on the UI thread. */
    interface Listener {
        void checked(Readiness readiness);

        /** A check failed (no network, no permission); the next one follows on schedule. */
        void failed(Exception error);

        /** The schedule ran out with the instance still unreachable. */
        void gaveUp();
    }

    private final TaskExecutor executor;
    private final PollSchedule schedule;
    private final Sleeper sleeper;
    private Cancellation cancellation = new Cancellation();
    private TaskHandle running = TaskHandle.none();
    private Duration waited = Duration.ZERO;

    ReadinessPoller(TaskExecutor executor, PollSchedule schedule, Sleeper sleeper) {
        this.executor = executor;
        this.schedule = schedule;
        this.sleeper = sleeper;
    }

    /** Stops any polling under way, then checks now and on schedule. Call from the UI thread. */
    void start(Callable<Readiness> check, Listener listener) {
        stop();
        Cancellation mine = new Cancellation();
        cancellation = mine;
        waited = Duration.ZERO;
        round(Duration.ZERO, check, listener, mine);
    }

    /** Ends the wait and drops answers still to come. Call from the UI thread. */
    void stop() {
        cancellation.cancel();
        running.cancel();
    }

    private void round(Duration wait, Callable<Readiness> check, Listener listener, Cancellation mine) {
        running = Tasks.create(() -> {
            sleeper.sleep(wait, mine);
            if (mine.isCancelled()) {
                throw new CancellationException("stopped while waiting");
            }
            return check.call();
        })
                .onSuccess(r -> {
                    listener.checked(r);
                    if (!r.online()) {
                        next(check, listener, mine);
                    }
                })
                .onError(CancellationException.class, e -> { })
                .onError(Exception.class, e -> {
                    listener.failed(e);
                    next(check, listener, mine);
                })
                .runOn(executor);
    }

    private void next(Callable<Readiness> check, Listener listener, Cancellation mine) {
        if (mine.isCancelled()) {
            return;
        }
        schedule.next(waited).ifPresentOrElse(wait -> {
            waited = waited.plus(wait);
            round(wait, check, listener, mine);
        }, listener::gaveUp);
    }
}
