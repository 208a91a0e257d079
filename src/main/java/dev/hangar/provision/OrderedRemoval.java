package dev.hangar.provision;

import dev.hangar.blueprint.AwsErrors;
import dev.hangar.journal.ResourceRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Removes resources one after another in the order given, reporting each; one failure does not stop the rest.
 * Rollback, destroy (a launch's journal, newest first) and sweep (what was found by tag, kinds in dependency
 * order) are all this.
 */
final class OrderedRemoval {

    /** One resource to remove, with the remover for its region and launch; {@code where} qualifies it in messages. */
    record Item(ResourceRemover remover, ResourceRecord resource, String where) {
    }

    private OrderedRemoval() {
    }

    /**
     * @param removed called after each successful removal (the journal records it)
     * @return what could not be removed, one line each; empty when everything is gone
     */
    static List<String> removeAll(List<Item> items, LaunchListener listener, Consumer<ResourceRecord> removed) {
        List<String> failures = new ArrayList<>();
        for (Item item : items) {
            ResourceRecord r = item.resource();
            try {
                item.remover().remove(r);
                removed.accept(r);
                listener.on(new LaunchEvent.ResourceRemoved(r.type(), r.id()));
            } catch (Exception e) {
                String message = AwsErrors.brief(e);
                failures.add(r.type() + " " + r.id() + item.where() + ": " + message);
                listener.on(new LaunchEvent.ResourceRemovalFailed(r.type(), r.id(), message));
            }
        }
        return failures;
    }
}
