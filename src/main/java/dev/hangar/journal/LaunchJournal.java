package dev.hangar.journal;

import dev.hangar.spec.LaunchSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The live journal of one launch. Every change is saved at once, atomically, so the file on disk
 * always names every resource that may exist: intentions are written before a mutating call and
 * results after it. Safe to use from the executor's parallel steps.
 */
public final class LaunchJournal {

    private final JournalStore store;
    private final Clock clock;
    private LaunchRecord record;

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
        updateStep(stepId, s -> s.started(clock.instant()));
    }

    public void stepFinished(String stepId, StepState end, String error) {
        updateStep(stepId, s -> s.finished(end, clock.instant(), error));
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

    private void updateStep(String stepId, UnaryOperator<StepRecord> update) {
        change(r -> {
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

    private synchronized void change(UnaryOperator<LaunchRecord> update) {
        LaunchRecord next = update.apply(record);
        if (next != record) {
            store.save(next);
            record = next;
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
