package dev.hangar.journal;

import dev.hangar.spec.LaunchSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The live journal of one launch. Changes to resources, outputs and state are on disk, atomically,
 * before the method returns, so the file always names every resource that may exist: intentions are
 * written before a mutating call and results after it. That a step started or succeeded is saved with
 * the next such change: losing it to a crash only makes a resume run the step again, which adopts what
 * it had made. Safe to use from the executor's parallel steps, whose saves are grouped: one save
 * covers every change made before it, so parallel steps do not queue for the disk one by one.
 */
public final class LaunchJournal {

    private final JournalStore store;
    private final Clock clock;
    private LaunchRecord record;
    /** Changes made so far (guarded by this) and saved so far (guarded by diskLock). */
    private long changes;
    private long savedChanges;
    private final Object diskLock = new Object();

    private LaunchJournal(JournalStore store, Clock clock, LaunchRecord record) {
        this.store = store;
        this.clock = clock;
        this.record = record;
    }

    /** A new launch: written before any AWS call is made. */
    public static LaunchJournal begin(JournalStore store, Clock clock, String launchId, LaunchSpec spec, List<String> stepIds) {
        if (store.exists(launchId)) {
            throw new IllegalStateException("launch " + launchId + " is already in the journal");
        }
        var now = clock.instant();
        LaunchRecord first = new LaunchRecord(LaunchRecord.FORMAT_VERSION, launchId, spec, LaunchState.LAUNCHING, now, now,
                stepIds.stream().map(StepRecord::pending).toList(), List.of(), Map.of(), null);
        LaunchJournal journal = new LaunchJournal(store, clock, first);
        store.save(first);
        return journal;
    }

    /** Continues the journal of an earlier launch (destroy, resume). */
    public static LaunchJournal reopen(JournalStore store, Clock clock, LaunchRecord record) {
        return new LaunchJournal(store, clock, record);
    }

    public synchronized LaunchRecord snapshot() {
        return record;
    }

    public String launchId() {
        return snapshot().launchId();
    }

    public void stepStarted(String stepId) {
        updateStep(stepId, s -> s.started(clock.instant()), false);
    }

    /** A failure is on disk when this returns; a success is saved with the next change (see the class comment). */
    public void stepFinished(String stepId, StepState end, String error) {
        updateStep(stepId, s -> s.finished(end, clock.instant(), error), end != StepState.DONE);
    }

    /** Before a mutating call: the resource may exist from now on. */
    public void intend(String type, String id, String step) {
        upsertResource(new ResourceRecord(type, id, step, ResourceRecord.INTENDED), null);
    }

    /** After the call: the resource exists. {@code replacingId} is the intended ID it replaces, if it was not known then. */
    public void created(String type, String id, String step, String replacingId) {
        upsertResource(new ResourceRecord(type, id, step, ResourceRecord.CREATED), replacingId);
    }

    public void created(String type, String id, String step) {
        created(type, id, step, null);
    }

    /** The resource is gone (or never came to exist). */
    public void deleted(String type, String id) {
        markResource(type, id, ResourceRecord.DELETED);
    }

    /** Left in place on purpose, e.g. a data volume kept at destroy. */
    public void kept(String type, String id) {
        markResource(type, id, ResourceRecord.KEPT);
    }

    public void output(String key, String value) {
        change(r -> {
            Map<String, String> outputs = new LinkedHashMap<>(r.outputs());
            outputs.put(key, value);
            return copy(r, r.state(), r.steps(), r.resources(), outputs, r.message());
        });
    }

    public void state(LaunchState state, String message) {
        change(r -> copy(r, state, r.steps(), r.resources(), r.outputs(), message));
    }

    private void updateStep(String stepId, UnaryOperator<StepRecord> update, boolean saveNow) {
        change(saveNow, r -> {
            List<StepRecord> steps = new ArrayList<>(r.steps());
            int i = indexOfStep(steps, stepId);
            if (i < 0) {
                steps.add(update.apply(StepRecord.pending(stepId)));
            } else {
                steps.set(i, update.apply(steps.get(i)));
            }
            return copy(r, r.state(), steps, r.resources(), r.outputs(), r.message());
        });
    }

    /**
     * One record per resource: a repeated step (a resumed launch, a retry) that finds the same resource again
     * updates its record, and the intention it had written under a provisional ID (a ClientToken, a name)
     * is folded into it rather than left as a second record of the same resource.
     */
    private void upsertResource(ResourceRecord resource, String replacingId) {
        change(r -> {
            List<ResourceRecord> resources = new ArrayList<>(r.resources());
            int same = indexOfResource(resources, resource.type(), resource.id());
            int intent = replacingId == null || replacingId.equals(resource.id()) ? -1 : indexOfResource(resources, resource.type(), replacingId);
            if (same >= 0) {
                resources.set(same, resource);
                if (intent >= 0) {
                    resources.remove(intent);
                }
            } else if (intent >= 0) {
                resources.set(intent, resource);
            } else {
                resources.add(resource);
            }
            return copy(r, r.state(), r.steps(), resources, r.outputs(), r.message());
        });
    }

    private void markResource(String type, String id, String state) {
        change(r -> {
            List<ResourceRecord> resources = new ArrayList<>(r.resources());
            int i = indexOfResource(resources, type, id);
            if (i < 0) {
                return r;
            }
            resources.set(i, resources.get(i).withState(state));
            return copy(r, r.state(), r.steps(), resources, r.outputs(), r.message());
        });
    }

    private void change(UnaryOperator<LaunchRecord> update) {
        change(true, update);
    }

    private void change(boolean saveNow, UnaryOperator<LaunchRecord> update) {
        long mine;
        synchronized (this) {
            LaunchRecord next = update.apply(record);
            if (next == record) {
                return;
            }
            record = next;
            mine = ++changes;
        }
        if (saveNow) {
            saveUpTo(mine);
        }
    }

    /** Returns once change number {@code change} is on disk: saved by this call, or by one that ran while this one waited. */
    private void saveUpTo(long change) {
        synchronized (diskLock) {
            if (savedChanges >= change) {
                return;
            }
            LaunchRecord latest;
            long upTo;
            synchronized (this) {
                latest = record;
                upTo = changes;
            }
            store.save(latest);
            savedChanges = upTo;
        }
    }

    private LaunchRecord copy(LaunchRecord r, LaunchState state, List<StepRecord> steps, List<ResourceRecord> resources,
            Map<String, String> outputs, String message) {
        return new LaunchRecord(r.formatVersion(), r.launchId(), r.spec(), state, r.createdAt(), clock.instant(), steps, resources, outputs, message);
    }

    private static int indexOfStep(List<StepRecord> steps, String id) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfResource(List<ResourceRecord> resources, String type, String id) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            if (resources.get(i).type().equals(type) && resources.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
