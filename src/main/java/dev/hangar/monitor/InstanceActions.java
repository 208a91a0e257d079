package dev.hangar.monitor;

import dev.hangar.aws.AwsClients;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchJournal;
import dev.hangar.journal.LaunchLock;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.blueprint.AwsErrors;
import dev.hangar.provision.LaunchEvent;
import dev.hangar.provision.LaunchListener;
import dev.hangar.provision.LaunchOutcome;
import dev.hangar.blueprint.LaunchTags;
import dev.hangar.provision.Launcher;
import dev.hangar.provision.Pacing;
import dev.hangar.provision.SdkTags;
import dev.hangar.blueprint.StepFailedException;
import dev.hangar.provision.Waits;
import dev.hangar.spec.Market;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotState;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Stop, start, reboot and destroy (optionally after a snapshot of the data volume) a launch's
 * instance. Each holds the launch's lock, so it cannot run while the launch is being launched,
 * resumed or destroyed elsewhere; reports progress as {@link LaunchEvent}s; and records what it did
 * in the journal's outputs ({@value #LAST_ACTION}, {@value #LAST_ACTION_AT}, {@value #STOPPED_AT}, …)
 * without changing the launch's state: a stopped instance is still a launched one. Blocking: run off a UI thread.
 */
public final class InstanceActions {

    public static final String LAST_ACTION = "lastAction";
    public static final String LAST_ACTION_AT = "lastActionAt";
    public static final String STOPPED_AT = "stoppedAt";
    public static final String STARTED_AT = "startedAt";
    public static final String REBOOTED_AT = "rebootedAt";
    public static final String SNAPSHOT_ID = "snapshotId";
    /** On a snapshot taken before destroy: the data volume it is of. */
    public static final String SNAPSHOT_OF_TAG = "hangar:snapshot-of";

    private final AwsClients aws;
    private final JournalStore journal;
    private final Launcher launcher;
    private final Pacing pacing;
    private final Clock clock;

    public InstanceActions(AwsClients aws, JournalStore journal, Launcher launcher, Pacing pacing, Clock clock) {
        this.aws = aws;
        this.journal = journal;
        this.launcher = launcher;
        this.pacing = pacing;
        this.clock = clock;
    }

    /** A body of an action: returns the detail of its success line; throws with a message the user can act on. */
    @FunctionalInterface
    private interface Body {
        String run(LaunchJournal live, LaunchRecord record, Ec2Client ec2, Waits waits, LaunchListener listener) throws Exception;
    }

    /**
     * Runs {@code STOP}, {@code START} or {@code REBOOT}.
     *
     * @throws IllegalArgumentException when the journal has no such launch (or for {@code SNAPSHOT}: see {@link #destroy})
     * @throws dev.hangar.journal.LaunchBusyException when another process is launching, resuming or destroying it
     * @throws dev.hangar.journal.JournalCorruptException when its journal file is damaged
     */
    public ActionOutcome run(InstanceAction action, String launchId, LaunchListener listener) {
        return switch (action) {
            case STOP -> stop(launchId, listener);
            case START -> start(launchId, listener);
            case REBOOT -> reboot(launchId, listener);
            case SNAPSHOT -> throw new IllegalArgumentException("a snapshot is taken as part of destroy");
        };
    }

    /** Stops the instance and waits until it has stopped (a spot instance too: its request is persistent and stops). */
    public ActionOutcome stop(String launchId, LaunchListener listener) {
        return act(InstanceAction.STOP, launchId, listener, (live, record, ec2, waits, events) -> {
            String id = record.output("instanceId");
            ec2.stopInstances(r -> r.instanceIds(id));
            waitFor(ec2, waits, id, InstanceStateName.STOPPED, InstanceAction.STOP, events);
            live.output(STOPPED_AT, clock.instant().toString());
            return id + " stopped; its volumes are kept (storage is still charged)";
        });
    }

    /** Starts the instance and waits until it runs; a new public IP goes into the journal and the connect command. */
    public ActionOutcome start(String launchId, LaunchListener listener) {
        return act(InstanceAction.START, launchId, listener, (live, record, ec2, waits, events) -> {
            String id = record.output("instanceId");
            ec2.startInstances(r -> r.instanceIds(id));
            Instance running = waitFor(ec2, waits, id, InstanceStateName.RUNNING, InstanceAction.START, events);
            live.output(STARTED_AT, clock.instant().toString());
            // AWS gives a stopped-and-started instance a new public IPv4 address; the SSH command names it.
            String before = record.output("publicIp");
            String now = running.publicIpAddress();
            if (before != null && now != null && !before.equals(now)) {
                live.output("publicIp", now);
                if (record.output("connect") != null) {
                    live.output("connect", record.output("connect").replace("@" + before, "@" + now));
                }
            }
            return id + " running" + (now == null ? "" : " at " + now);
        });
    }

    /** Asks EC2 to reboot the instance (it stays running; the OS restarts within a minute or two). */
    public ActionOutcome reboot(String launchId, LaunchListener listener) {
        return act(InstanceAction.REBOOT, launchId, listener, (live, record, ec2, waits, events) -> {
            String id = record.output("instanceId");
            ec2.rebootInstances(r -> r.instanceIds(id));
            live.output(REBOOTED_AT, clock.instant().toString());
            return id + " is rebooting";
        });
    }

    /**
     * Destroys the launch like {@link Launcher#destroy}; with {@code snapshotFirst}, first snapshots the
     * data volume (tagged with the launch's tags and {@value #SNAPSHOT_OF_TAG}) and waits until the snapshot
     * is complete. The snapshot is not part of the launch: destroy leaves it, and it is charged until deleted.
     * When the snapshot fails nothing is destroyed.
     *
     * @throws IllegalArgumentException when the journal has no such launch
     * @throws dev.hangar.journal.LaunchBusyException when another process is launching, resuming or destroying it
     */
    public LaunchOutcome destroy(String launchId, boolean keepDataVolume, boolean snapshotFirst, LaunchListener listener) {
        return destroy(launchId, keepDataVolume, snapshotFirst, false, listener);
    }

    /** Like {@link #destroy(String, boolean, boolean, LaunchListener)}, keeping Hangar's network even when this was its last user. */
    public LaunchOutcome destroy(String launchId, boolean keepDataVolume, boolean snapshotFirst, boolean keepNetwork, LaunchListener listener) {
        LaunchRecord record = load(launchId);
        if (snapshotFirst) {
            ActionOutcome snapshot = act(InstanceAction.SNAPSHOT, launchId, listener, this::snapshotDataVolume);
            if (!snapshot.succeeded()) {
                LaunchRecord now = snapshot.record();
                return new LaunchOutcome.Removal(launchId, now.spec().region(), now.state(), "Not destroyed: " + snapshot.message(),
                        now.outputs(), InstanceAction.SNAPSHOT.stepId());
            }
            record = snapshot.record();
        }
        LaunchOutcome.Removal outcome = launcher.destroy(record, keepDataVolume, keepNetwork, listener);
        String snapshotId = snapshotFirst ? outcome.outputs().get(SNAPSHOT_ID) : null;
        return snapshotId == null ? outcome : outcome.withMessage(outcome.message() + "; the data volume's snapshot " + snapshotId + " is kept");
    }

    private String snapshotDataVolume(LaunchJournal live, LaunchRecord record, Ec2Client ec2, Waits waits, LaunchListener events) throws Exception {
        String volumeId = record.output("dataVolumeId");
        List<Tag> tags = new ArrayList<>(SdkTags.ec2(LaunchTags.of(record.launchId(), record.spec(), record.output(Launcher.CREATED_BY))));
        tags.add(Tag.builder().key(SNAPSHOT_OF_TAG).value(volumeId).build());
        String snapshotId = ec2.createSnapshot(r -> r.volumeId(volumeId)
                .description("Hangar: data volume of launch " + record.launchId() + ", taken before destroy")
                .tagSpecifications(t -> t.resourceType(ResourceType.SNAPSHOT).tags(tags))).snapshotId();
        live.output(SNAPSHOT_ID, snapshotId);
        String[] progress = {"0%"};
        // A snapshot copies the whole volume: far slower than an instance starts.
        waits.until("snapshot " + snapshotId + " to complete", pacing.instanceTimeout().multipliedBy(8), () -> {
            Snapshot s = ec2.describeSnapshots(r -> r.snapshotIds(snapshotId)).snapshots().get(0);
            if (s.state() == SnapshotState.ERROR) {
                throw new StepFailedException("snapshot " + snapshotId + " failed: " + s.stateMessage());
            }
            progress[0] = s.progress() == null ? progress[0] : s.progress();
            return s.state() == SnapshotState.COMPLETED;
        }, s -> events.on(new LaunchEvent.StepWaiting(InstanceAction.SNAPSHOT.stepId(), "snapshot " + snapshotId + " is " + progress[0]
                + " done (" + s + " s)")));
        return snapshotId + " of " + volumeId + " completed";
    }

    private ActionOutcome act(InstanceAction action, String launchId, LaunchListener listener, Body body) {
        try (LaunchLock lock = journal.lock(launchId)) {
            LaunchRecord record = load(launchId);
            String refusal = refusal(action, record);
            if (refusal != null) {
                listener.on(new LaunchEvent.StepFailed(action.stepId(), action.title(), refusal));
                return new ActionOutcome(launchId, action, false, refusal, null, record);
            }
            LaunchJournal live = LaunchJournal.reopen(journal, clock, record);
            live.output(LAST_ACTION, action.wireName());
            live.output(LAST_ACTION_AT, clock.instant().toString());
            listener.on(new LaunchEvent.StepStarted(action.stepId(), action.title() + " of " + launchId));
            Ec2Client ec2 = aws.ec2(record.spec().region());
            try {
                String detail = body.run(live, record, ec2, new Waits(pacing, new AtomicBoolean()), listener);
                listener.on(new LaunchEvent.StepSucceeded(action.stepId(), action.title(), detail));
                return new ActionOutcome(launchId, action, true, detail, stateAfter(action), live.snapshot());
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                String message = AwsErrors.brief(e);
                listener.on(new LaunchEvent.StepFailed(action.stepId(), action.title(), message));
                return new ActionOutcome(launchId, action, false, action.title() + " of " + launchId + " failed: " + message, null,
                        live.snapshot());
            }
        }
    }

    /** Why the action cannot run on this launch, or null. */
    private static String refusal(InstanceAction action, LaunchRecord record) {
        String id = record.launchId();
        if (!record.state().mayHoldResources()) {
            return "launch " + id + " was " + (record.state() == dev.hangar.journal.LaunchState.DESTROYED ? "destroyed" : "rolled back")
                    + ": there is no instance to " + action.wireName();
        }
        if (action == InstanceAction.SNAPSHOT) {
            return record.output("dataVolumeId") == null ? "launch " + id + " has no data volume to snapshot; destroy it without a snapshot" : null;
        }
        if (record.output("instanceId") == null) {
            return "launch " + id + " has no instance (it stopped before one was started): nothing to " + action.wireName();
        }
        return null;
    }

    private static String stateAfter(InstanceAction action) {
        return switch (action) {
            case STOP -> "stopped";
            case START, REBOOT -> "running";
            case SNAPSHOT -> null;
        };
    }

    private Instance waitFor(Ec2Client ec2, Waits waits, String id, InstanceStateName wanted, InstanceAction action,
            LaunchListener events) throws Exception {
        Instance[] seen = new Instance[1];
        waits.until("instance " + id + " to be " + wanted, pacing.instanceTimeout(), () -> {
            Instance i = describe(ec2, id);
            seen[0] = i;
            InstanceStateName state = i.state().name();
            if (state == InstanceStateName.TERMINATED || state == InstanceStateName.SHUTTING_DOWN) {
                throw new StepFailedException("instance " + id + " is " + i.state().nameAsString() + " (" + i.stateTransitionReason() + ")");
            }
            return state == wanted;
        }, s -> events.on(new LaunchEvent.StepWaiting(action.stepId(), "instance " + id + " is "
                + (action == InstanceAction.STOP ? "stopping" : "starting") + " (" + s + " s)")));
        return seen[0];
    }

    private static Instance describe(Ec2Client ec2, String id) throws StepFailedException {
        try {
            return ec2.describeInstances(r -> r.instanceIds(id)).reservations().stream().flatMap(r -> r.instances().stream())
                    .findFirst().orElseThrow(() -> new StepFailedException("instance " + id + " no longer exists"));
        } catch (AwsServiceException e) {
            if (AwsErrors.is(e, "InvalidInstanceID.NotFound")) {
                throw new StepFailedException("instance " + id + " no longer exists", e);
            }
            throw e;
        }
    }

    private LaunchRecord load(String launchId) {
        return journal.load(launchId)
                .orElseThrow(() -> new IllegalArgumentException("no launch " + launchId + " in the journal at " + journal.directory()));
    }
}
