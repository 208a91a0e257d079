package dev.hangar.provision;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The steps of a launch and their dependencies: a graph without cycles, in an order where each step follows its dependencies. */
public final class LaunchPlan {

    private final Map<String, Step> steps = new LinkedHashMap<>();

    public LaunchPlan(List<Step> ordered) {
        for (Step step : ordered) {
            for (String dep : step.dependsOn()) {
                if (!steps.containsKey(dep)) {
                    throw new IllegalArgumentException("step " + step.id() + " depends on " + dep + ", which does not come before it");
                }
            }
            if (steps.putIfAbsent(step.id(), step) != null) {
                throw new IllegalArgumentException("two steps are called " + step.id());
            }
        }
        for (Step step : ordered) {
            Set<Fact<?>> available = new HashSet<>();
            ancestors(step.id()).forEach(a -> available.addAll(steps.get(a).produces()));
            for (Fact<?> fact : step.reads()) {
                if (!available.contains(fact)) {
                    throw new IllegalArgumentException("step " + step.id() + " reads the " + fact + ", which no step it depends on produces");
                }
            }
        }
    }

    public List<Step> steps() {
        return List.copyOf(steps.values());
    }

    public List<String> stepIds() {
        return List.copyOf(steps.keySet());
    }

    public Step step(String id) {
        return steps.get(id);
    }

    /** The most steps on one chain of dependencies: the least number of sequential rounds a launch needs. */
    public int criticalPathSteps() {
        Map<String, Integer> depth = new HashMap<>();
        int longest = 0;
        for (Step s : steps.values()) {
            int d = 1 + s.dependsOn().stream().mapToInt(depth::get).max().orElse(0);
            depth.put(s.id(), d);
            longest = Math.max(longest, d);
        }
        return longest;
    }

    /** Every step that {@code id} depends on, directly or not. */
    public Set<String> ancestors(String id) {
        Set<String> all = new HashSet<>();
        for (String dep : steps.get(id).dependsOn()) {
            if (all.add(dep)) {
                all.addAll(ancestors(dep));
            }
        }
        return all;
    }
}
