package dev.hangar.provision;

import dev.hangar.blueprint.LaunchTags;
import dev.hangar.journal.ResourceKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What sweep may remove of the leftovers the journal does not account for. A launch "not in this journal" may be
 * a teammate's, or the caller's own from another machine or {@code --home}: so a live instance or an attached
 * volume stays unless {@code includeLive}, another creator's resource stays unless {@code anyCreator}, and a
 * launch keeps all its resources while one of its live ones stays (deleting the role or the idle alarm of a
 * running machine would hurt as much as terminating it).
 */
final class SweepRules {

    /**
     * One leftover as found.
     *
     * @param live       an instance that is not terminated, or a volume that is attached
     * @param attachedTo the instances a volume is attached to; empty for anything else
     */
    record Candidate(Sweeper.Found found, boolean live, List<String> attachedTo) {
    }

    record Decision(List<Sweeper.Found> removable, List<Sweeper.LeftAlone> leftAlone) {
    }

    private SweepRules() {
    }

    static Decision decide(List<Candidate> candidates, String caller, Sweeper.Scope scope) {
        Map<Candidate, List<String>> reasons = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            reasons.put(c, ownReasons(c, caller, scope));
        }
        Set<String> removableInstances = new HashSet<>();
        candidates.stream().filter(c -> c.found().kind().equals(ResourceKind.INSTANCE) && reasons.get(c).isEmpty())
                .forEach(c -> removableInstances.add(c.found().id()));
        for (Candidate c : candidates) {
            // A volume attached to anything that is not removed with it stays with that instance.
            List<String> keptBy = c.attachedTo().stream().filter(i -> !removableInstances.contains(i)).toList();
            if (!keptBy.isEmpty() && reasons.get(c).isEmpty()) {
                reasons.get(c).add("attached to " + String.join(", ", keptBy) + ", which stays");
            }
        }
        Map<String, Sweeper.Found> heldLaunches = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (c.live() && !reasons.get(c).isEmpty()) {
                heldLaunches.putIfAbsent(c.found().launchId(), c.found());
            }
        }
        List<Sweeper.Found> removable = new ArrayList<>();
        List<Sweeper.LeftAlone> leftAlone = new ArrayList<>();
        for (Candidate c : candidates) {
            List<String> why = reasons.get(c);
            Sweeper.Found holder = heldLaunches.get(c.found().launchId());
            if (holder != null && holder != c.found() && !c.attachedTo().contains(holder.id())) {
                why.add("its launch's " + holder.kind() + " " + holder.id() + " stays");
            }
            if (why.isEmpty()) {
                removable.add(c.found());
            } else {
                leftAlone.add(new Sweeper.LeftAlone(c.found(), String.join("; ", why)));
            }
        }
        return new Decision(removable, leftAlone);
    }

    private static List<String> ownReasons(Candidate c, String caller, Sweeper.Scope scope) {
        List<String> why = new ArrayList<>();
        if (c.live() && !scope.includeLive()) {
            why.add(c.attachedTo().isEmpty() ? "live (use --include-live)"
                    : "in use by " + String.join(", ", c.attachedTo()) + " (use --include-live)");
        }
        creatorReason(c.found().createdBy(), caller, scope).ifPresent(why::add);
        return why;
    }

    /** Why sweep leaves alone what {@code creator} made, or empty when the caller made it or any creator will do. */
    static java.util.Optional<String> creatorReason(String creator, String caller, Sweeper.Scope scope) {
        if (scope.anyCreator() || (creator != null && creator.equals(caller))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(creator == null ? "creator unknown, no " + LaunchTags.CREATED_BY + " tag (use --any-creator)"
                : "created by " + creator + " (use --any-creator)");
    }
}
