package dev.hangar.ui.monitor;

import dev.hangar.blueprint.RunModel;
import dev.hangar.monitor.FollowPace;
import dev.hangar.monitor.IdleAlarm;
import dev.hangar.monitor.LogFollower;
import dev.hangar.monitor.LogLine;
import dev.hangar.monitor.MonitoredInstance;
import dev.hangar.monitor.RunLogs;
import dev.hangar.monitor.RunState;
import dev.hangar.monitor.RunStateEvent;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * The Logs tab without its controls: follows the selected launch's run on a daemon thread of its own ("hangar-logs"),
 * appends each poll's lines in one batch on the FX thread, keeps the last {@code capacity} lines, and tells the run's
 * state in words, live from its state stream. One launch at a time; another selection stops the last follower.
 */
final class LogsViewModel {

    /** Lines kept; older ones are dropped (the whole run is in CloudWatch Logs and in {@code hangar logs}). */
    static final int CAPACITY = 10_000;

    /** What a follow needs that the view model does not make itself. */
    interface Logs {
        /** The CloudWatch Logs client of the signed-in session for this region; throws with a reason when signed out. */
        CloudWatchLogsClient client(String region);

        /** The spec's {@code run.stopWhenDone} of a journal launch (read from the journal, off the FX thread). */
        boolean stopWhenDone(String launchId);
    }

    private final Logs logs;
    private final FollowPace pace;
    private final int pageSize;
    private final int capacity;
    private final Consumer<Runnable> fx;
    private final ObservableList<LogLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RunState> runState = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty autoScroll = new SimpleBooleanProperty(true);
    private String launchId;
    private MonitoredInstance row;
    private RunStateEvent latest;
    private Boolean stopWhenDone;
    private long dropped;
    private Thread follower;
    /** The last follower stopped: the next one waits for it to end before it reads on with the same reader. */
    private Thread stopped;
    /** The current launch's reader, kept across stops so that a follow goes on where the last one ended; follower threads only. */
    private volatile RunLogs reader;
    /** Bumped at each follow and stop: a batch posted by a follower since replaced is dropped. */
    private int generation;

    /** @param fx runs on the FX thread ({@code Platform::runLater}; a test may run at once) */
    LogsViewModel(Logs logs, FollowPace pace, int pageSize, int capacity, Consumer<Runnable> fx) {
        this.logs = logs;
        this.pace = pace;
        this.pageSize = pageSize;
        this.capacity = capacity;
        this.fx = fx;
    }

    ObservableList<LogLine> lines() {
        return lines;
    }

    /** "Following /hangar/… · 1,234 lines", "No output yet: …", "Could not read …; next try in 4 s". */
    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The run's state: the monitor's last refresh, updated at once by each state line followed; null without a run. */
    ReadOnlyObjectProperty<RunState> runStateProperty() {
        return runState.getReadOnlyProperty();
    }

    /** The list follows the last line; the view turns it off when the researcher scrolls up, and on at the bottom. */
    BooleanProperty autoScrollProperty() {
        return autoScroll;
    }

    /** Lines dropped from the top to keep the last {@link #CAPACITY}. */
    long dropped() {
        return dropped;
    }

    /**
     * Follows this row's run (the same launch again, as each refresh brings, only updates the state); a row without a
     * run, or none, stops following and says why.
     */
    void show(MonitoredInstance selected) {
        String id = selected == null || !selected.inJournal() || selected.run() == null ? null : selected.launchId();
        row = selected;
        if (id != null && id.equals(launchId)) {
            updateState();
            if (follower == null) {
                start(id, selected.region()); // the tab open again: on from where the last follow stopped
            }
            return;
        }
        stop();
        stopped = null; // another launch, another reader: nothing to wait for
        lines.clear();
        dropped = 0;
        latest = null;
        stopWhenDone = null;
        reader = null;
        launchId = id;
        if (id == null) {
            runState.set(null);
            status.set(selected == null ? "" : selected.inJournal()
                    ? "This launch has no run (spec field run): nothing writes logs. Open a shell to see the machine."
                    : "Not in this machine's journal: its run, if any, is not known here.");
            return;
        }
        runState.set(selected.run());
        status.set("Reading " + RunModel.logGroup(id) + "…");
        start(id, selected.region());
    }

    private void start(String id, String region) {
        int mine = ++generation;
        Thread previous = stopped;
        follower = new Thread(() -> {
            try {
                if (previous != null) {
                    previous.join(); // the reader's tokens are one follower's at a time
                }
            } catch (InterruptedException e) {
                return;
            }
            follow(mine, id, region);
        }, "hangar-logs");
        follower.setDaemon(true); // a stuck call must not keep the app alive after its window closed
        follower.start();
    }

    /** Stops following (the tab hidden, the window closed); the lines stay. */
    void stop() {
        generation++;
        if (follower != null) {
            follower.interrupt();
            stopped = follower;
            follower = null;
        }
    }

    /** Forgets the launch too, so that the next {@link #show} starts afresh. */
    void close() {
        stop();
        launchId = null;
    }

    /** The lines shown, as text: what Copy puts on the clipboard. */
    String text() {
        StringBuilder all = new StringBuilder();
        lines.forEach(l -> all.append(l.text()).append('\n'));
        return all.toString();
    }

    private void follow(int mine, String id, String region) {
        boolean stops;
        CloudWatchLogsClient client;
        try {
            stops = logs.stopWhenDone(id);
            client = logs.client(region);
        } catch (RuntimeException e) {
            post(mine, () -> status.set("Could not read the logs: " + MonitorFormats.reason(e)));
            return;
        }
        post(mine, () -> stopWhenDone = stops);
        RunLogs logsOfRun = reader;
        if (logsOfRun == null || !logsOfRun.logGroup().equals(RunModel.logGroup(id))) {
            logsOfRun = new RunLogs(client, RunModel.logGroup(id), null, pageSize);
            reader = logsOfRun;
        }
        new LogFollower(logsOfRun, pace, new LogFollower.Listener() {
            @Override
            public void lines(List<LogLine> batch) {
                post(mine, () -> append(batch));
            }

            @Override
            public void waiting(String why) {
                post(mine, () -> status.set("Waiting: " + why + "."));
            }

            @Override
            public void failed(RuntimeException e, Duration retryIn) {
                post(mine, () -> status.set("Could not read the logs: " + MonitorFormats.reason(e) + "; next try in "
                        + Math.max(1, retryIn.toSeconds()) + " s. The lines so far stay."));
            }
        }).follow(false);
    }

    private void post(int mine, Runnable change) {
        fx.accept(() -> {
            if (mine == generation) {
                change.run();
            }
        });
    }

    private void append(List<LogLine> batch) {
        int over = lines.size() + batch.size() - capacity;
        if (over > 0) {
            int fromBatch = Math.max(0, batch.size() - capacity);
            dropped += over;
            lines.remove(0, Math.min(over, lines.size())); // one change for the list, not one per line
            batch = batch.subList(fromBatch, batch.size());
        }
        lines.addAll(batch);
        for (LogLine l : batch) {
            if (l.state() != null) {
                latest = l.state();
            }
        }
        updateState();
        status.set("Following " + RunModel.logGroup(launchId) + " · " + String.format("%,d", lines.size()) + " lines"
                + (dropped == 0 ? "" : " (the first " + String.format("%,d", dropped) + " dropped; hangar logs --launch " + launchId
                + " prints them all)"));
    }

    /** The latest state line followed, read with the row's instance and alarm; until one arrives, the refresh's answer. */
    private void updateState() {
        if (launchId == null || row == null) {
            return;
        }
        if (latest == null || stopWhenDone == null) {
            runState.set(row.run());
            return;
        }
        IdleAlarm alarm = row.idleAlarm();
        runState.set(RunState.of(latest, row.instanceState(), row.launchTime(), alarm, stopWhenDone));
    }
}
