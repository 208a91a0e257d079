package dev.hangar.provision;

import dev.hangar.blueprint.AwsErrors;
import dev.hangar.journal.LaunchJournal;
import dev.hangar.journal.ResourceKind;
import dev.hangar.journal.ResourceRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes every resource a launch's journal says may exist, newest first (the reverse of the order
 * they were created in, so nothing is removed while something still depends on it). One failure
 * does not stop the rest; each outcome is journaled and reported. Serves rollback and destroy.
 */
public final class Teardown {

    private final ResourceRemover remover;
    private final LaunchJournal journal;
    private final LaunchListener listener;

    public Teardown(ResourceRemover remover, LaunchJournal journal, LaunchListener listener) {
        this.remover = remover;
        this.journal = journal;
        this.listener = listener;
    }

    /** @return what could not be removed, one line each; empty when everything is gone */
    public List<String> removeAll(boolean keepDataVolume) {
        Set<String> kept = new HashSet<>();
        List<OrderedRemoval.Item> items = new ArrayList<>();
        for (ResourceRecord r : journal.snapshot().liveResourcesNewestFirst()) {
            if (keepDataVolume && r.type().equals(ResourceKind.VOLUME)) {
                journal.kept(r.type(), r.id());
                kept.add(r.id());
                listener.on(new LaunchEvent.ResourceKept(r.type(), r.id()));
            } else {
                items.add(new OrderedRemoval.Item(remover, r, ""));
            }
        }
        List<String> failures = new ArrayList<>(OrderedRemoval.removeAll(items, listener, r -> journal.deleted(r.type(), r.id())));
        boolean hadInstance = journal.snapshot().resources().stream().anyMatch(r -> r.type().equals(ResourceKind.INSTANCE));
        if (!hadInstance) {
            return failures;
        }
        try {
            remover.removeLeftoverVolumes(kept).forEach(v -> listener.on(new LaunchEvent.ResourceRemoved(ResourceKind.VOLUME, v)));
        } catch (RuntimeException e) {
            failures.add("leftover volumes: " + AwsErrors.brief(e));
        }
        return failures;
    }
}
