package dev.hangar.auth;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every wait and moves a fake clock instead of sleeping. */
public final class FakeSleeper implements Sleeper {

    private final FakeClock clock;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    public FakeSleeper(FakeClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration time, Cancellation cancellation) {
        sleeps.add(time);
        clock.advance(time);
    }

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public Duration total() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
