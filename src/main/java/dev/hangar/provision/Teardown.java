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
 * does not stop the rest; each outcome is journaled and reported. Serves rollback and destroy. The parts of Hangar's
 * shared network the launch created go last, in dependency order, and only when nothing else uses the network
 * ({@link NetworkUsers}); else they are kept, and the journal says so.
 *
 * @param networkUsers for a rollback, who else uses the network; null for destroy, which settles the network as a
 *                     whole afterwards ({@link LastNetworkUser}) so that --keep-network is honoured
 */
record Teardown(ResourceRemover remover, LaunchJournal journal, LaunchListener listener, NetworkUsers networkUsers) {

    /**
     * Frees each data volume to keep before anything is removed: it must not go with its instance
     * (DeleteOnTermination off), and it leaves a stopped instance (file systems unmounted), detached.
     *
     * @return why a volume could not be freed; empty when every one is
     */
    private List<String> releaseKeptVolumes() {
        List<String> problems = new ArrayList<>();
        for (ResourceRecord r : journal.snapshot().liveResourcesNewestFirst()) {
            if (!r.type().equals(ResourceKind.VOLUME_ATTACHMENT)) {
                continue;
            }
            String[] attachment = r.id().split("\\|"); // volume|instance|device
            try {
                remover.keepOnTermination(attachment[1], attachment[2], attachment[0]);
                remover.stopInstance(attachment[1]);
                remover.detach(attachment[0], attachment[1]);
                journal.deleted(r.type(), r.id());
                listener.on(new LaunchEvent.ResourceRemoved(r.type(), r.id()));
            } catch (Exception e) {
                String message = "data volume " + attachment[0] + " could not be freed from " + attachment[1] + " (" + AwsErrors.brief(e)
                        + "); nothing was removed, so the volume stays attached to its instance, which is not terminated";
                problems.add(message);
                listener.on(new LaunchEvent.ResourceRemovalFailed(r.type(), r.id(), message));
            }
        }
        return problems;
    }

    /** @return what could not be removed, one line each; empty when everything is gone */
    public List<String> removeAll(boolean keepDataVolume) {
        if (keepDataVolume) {
            List<String> notReleased = releaseKeptVolumes();
            if (!notReleased.isEmpty()) {
                return notReleased; // nothing is removed while the volume to keep hangs on an instance that would take it along
            }
        }
        Set<String> kept = new HashSet<>();
        List<OrderedRemoval.Item> items = new ArrayList<>();
        List<ResourceRecord> networkParts = new ArrayList<>();
        for (ResourceRecord r : journal.snapshot().liveResourcesNewestFirst()) {
            if (NetworkPartRemover.isNetwork(r.type())) {
                networkParts.add(r);
            } else if (keepDataVolume && r.type().equals(ResourceKind.VOLUME)) {
                journal.kept(r.type(), r.id());
                kept.add(r.id());
                listener.on(new LaunchEvent.ResourceKept(r.type(), r.id()));
            } else {
                items.add(new OrderedRemoval.Item(remover, r, ""));
            }
        }
        List<String> failures = new ArrayList<>(OrderedRemoval.removeAll(items, listener, r -> journal.deleted(r.type(), r.id())));
        boolean hadInstance = journal.snapshot().resources().stream().anyMatch(r -> r.type().equals(ResourceKind.INSTANCE));
        if (hadInstance) {
            try {
                remover.removeLeftoverVolumes(kept).forEach(v -> listener.on(new LaunchEvent.ResourceRemoved(ResourceKind.VOLUME, v)));
            } catch (RuntimeException e) {
                failures.add("leftover volumes: " + AwsErrors.brief(e));
            }
        }
        failures.addAll(removeNetworkParts(networkParts));
        return failures;
    }

    /**
     * Under the region's network lock (so no launch finds the network while it goes): the parts this launch created,
     * unless another launch or instance uses the network, then they stay, marked kept.
     */
    private List<String> removeNetworkParts(List<ResourceRecord> parts) {
        if (parts.isEmpty() || networkUsers == null) {
            // destroy: the network is settled afterwards as a whole (LastNetworkUser), honouring --keep-network
            return List.of();
        }
        try (NetworkLock lock = NetworkLock.acquireAll(networkUsers.home(), networkUsers.region(), remover.waits(), s -> { })) {
            List<String> users = networkUsers.others();
            if (!users.isEmpty()) {
                for (ResourceRecord r : parts) {
                    journal.kept(r.type(), r.id());
                    listener.on(new LaunchEvent.ResourceKept(r.type(), r.id()));
                }
                return List.of();
            }
            List<OrderedRemoval.Item> items = parts.stream()
                    .sorted(java.util.Comparator.comparingInt(r -> NetworkPartRemover.ORDER.indexOf(r.type())))
                    .map(r -> new OrderedRemoval.Item(remover, r, "")).toList();
            return OrderedRemoval.removeAll(items, listener, r -> journal.deleted(r.type(), r.id()));
        } catch (Exception e) {
            return List.of("Hangar's network in " + networkUsers.region() + ": " + AwsErrors.brief(e));
        }
    }
}
