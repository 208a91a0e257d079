package dev.hangar.provision;

import dev.hangar.aws.AwsClients;
import dev.hangar.blueprint.AwsErrors;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchJournal;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.ResourceKind;
import dev.hangar.journal.ResourceRecord;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * After a launch's own resources are destroyed: removes Hangar's network in its region when the launch used it
 * ({@link dev.hangar.spec.LaunchSpec#usesHangarNetwork}) and was its last user — no other instance that is not
 * terminated in the VPC, no other launch of the journal launching or launched with it — unless asked to keep it.
 * The network is shared, so it is judged by what uses it now, never by which launch created it.
 */
public final class LastNetworkUser {

    public enum Verdict {
        /** The launch did not use Hangar's network (public, or an existing subnet). */
        NOT_USED,
        /** No part of the network stands in the region. */
        NONE_STANDING,
        /** {@code --keep-network}. */
        KEEP_ASKED,
        /** Something else uses it. */
        IN_USE,
        REMOVE
    }

    /** @param why what uses it, for {@link Verdict#IN_USE}; empty otherwise */
    public record Decision(Verdict verdict, String why) {
    }

    /**
     * What destroy did about the network.
     *
     * @param sentence  what to add to destroy's message; empty when the launch did not use Hangar's network
     * @param failures  what could not be removed (or checked), one line each
     */
    public record Outcome(String sentence, List<String> failures) {
    }

    private static final Set<String> NETWORK_KINDS = Set.of(ResourceKind.NETWORK_VPC, ResourceKind.NETWORK_SUBNET, ResourceKind.NETWORK_ROUTE_TABLE,
            ResourceKind.NETWORK_INTERNET_GATEWAY, ResourceKind.NETWORK_NAT_GATEWAY, ResourceKind.NETWORK_ELASTIC_IP, ResourceKind.NETWORK_ENDPOINT,
            ResourceKind.NETWORK_SECURITY_GROUP);

    private final AwsClients aws;
    private final JournalStore journal;
    private final Waits waits;

    public LastNetworkUser(AwsClients aws, JournalStore journal, Waits waits) {
        this.aws = aws;
        this.journal = journal;
        this.waits = waits;
    }

    /** The rule itself, on what was read: {@code destroyed} is the launch whose resources are gone. */
    public static Decision decide(LaunchRecord destroyed, boolean keepNetwork, NetworkInventory network) {
        if (!destroyed.spec().usesHangarNetwork()) {
            return new Decision(Verdict.NOT_USED, "");
        }
        if (network.isEmpty()) {
            return new Decision(Verdict.NONE_STANDING, "");
        }
        if (keepNetwork) {
            return new Decision(Verdict.KEEP_ASKED, "");
        }
        return network.whyInUse(destroyed.launchId()).map(why -> new Decision(Verdict.IN_USE, why))
                .orElse(new Decision(Verdict.REMOVE, ""));
    }

    /**
     * Reads the network, decides, and removes it when the launch was its last user. The parts of the network this launch's
     * journal names (it created them) are marked deleted when the network is gone, or kept when it stays for others or
     * on request; after a failed removal they stay as they were, so destroying again retries.
     *
     * @param live the journal of the launch whose own resources are gone
     */
    public Outcome settle(LaunchJournal live, boolean keepNetwork, LaunchListener listener) {
        LaunchRecord destroyed = live.snapshot();
        if (!destroyed.spec().usesHangarNetwork()) {
            return new Outcome("", List.of());
        }
        String region = destroyed.spec().region();
        String network = "Hangar's network in " + region;
        String retry = "; 'hangar network destroy --region " + region + "' removes it";
        try {
            NetworkRemoval.Outcome done = new NetworkRemoval(aws, journal, waits).removeUnless(region,
                    found -> reasonToKeep(decide(destroyed, keepNetwork, found)), listener);
            Decision decision = decide(destroyed, keepNetwork, done.network());
            return switch (decision.verdict()) {
                case NOT_USED -> new Outcome("", List.of());
                case NONE_STANDING -> {
                    markJournaledParts(live, ResourceRecord.DELETED, listener);
                    yield new Outcome("", List.of());
                }
                case KEEP_ASKED -> {
                    markJournaledParts(live, ResourceRecord.KEPT, listener);
                    yield new Outcome(network + " was kept (--keep-network); it is charged while it stands (see 'hangar network status')"
                            + retry, List.of());
                }
                case IN_USE -> {
                    markJournaledParts(live, ResourceRecord.KEPT, listener);
                    yield new Outcome(network + " stays: " + decision.why(), List.of());
                }
                case REMOVE -> {
                    if (!done.failures().isEmpty()) {
                        yield new Outcome(network + " could not be removed completely" + retry, done.failures());
                    }
                    markJournaledParts(live, ResourceRecord.DELETED, listener);
                    yield new Outcome(network + " was removed too: nothing else used it", List.of());
                }
            };
        } catch (RuntimeException e) {
            String message = "could not check " + network + ": " + AwsErrors.brief(e);
            return new Outcome(message, List.of(message));
        }
    }

    /** The network's parts in the launch's journal: gone with the network, or standing on (for others, or as asked). */
    private static void markJournaledParts(LaunchJournal live, String state, LaunchListener listener) {
        for (ResourceRecord r : live.snapshot().liveResourcesNewestFirst()) {
            if (!NETWORK_KINDS.contains(r.type()) || r.state().equals(state)) {
                continue;
            }
            if (state.equals(ResourceRecord.KEPT)) {
                live.kept(r.type(), r.id());
                listener.on(new LaunchEvent.ResourceKept(r.type(), r.id()));
            } else {
                live.deleted(r.type(), r.id());
            }
        }
    }

    private static Optional<String> reasonToKeep(Decision decision) {
        return decision.verdict() == Verdict.REMOVE ? Optional.empty() : Optional.of(decision.verdict() + " " + decision.why());
    }
}
