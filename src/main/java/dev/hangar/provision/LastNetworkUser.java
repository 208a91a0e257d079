package dev.hangar.provision;

import dev.hangar.aws.AwsClients;
import dev.hangar.blueprint.AwsErrors;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchRecord;
import java.util.List;
import java.util.Optional;

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

    /** Reads the network, decides, and removes it when the launch was its last user. */
    public Outcome settle(LaunchRecord destroyed, boolean keepNetwork, LaunchListener listener) {
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
                case NOT_USED, NONE_STANDING -> new Outcome("", List.of());
                case KEEP_ASKED -> new Outcome(network + " was kept (--keep-network); it is charged while it stands (see 'hangar network status')"
                        + retry, List.of());
                case IN_USE -> new Outcome(network + " stays: " + decision.why(), List.of());
                case REMOVE -> done.failures().isEmpty() ? new Outcome(network + " was removed too: nothing else used it", List.of())
                        : new Outcome(network + " could not be removed completely" + retry, done.failures());
            };
        } catch (RuntimeException e) {
            String message = "could not check " + network + ": " + AwsErrors.brief(e);
            return new Outcome(message, List.of(message));
        }
    }

    private static Optional<String> reasonToKeep(Decision decision) {
        return decision.verdict() == Verdict.REMOVE ? Optional.empty() : Optional.of(decision.verdict() + " " + decision.why());
    }
}
