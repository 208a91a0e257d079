package dev.hangar.provision;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the steps of one launch have found so far, by typed key. Each fact is written by the one step that
 * {@linkplain Step#produces() produces} it and read by steps that depend on that step, which the plan checks.
 */
public final class Facts {

    private final Map<Fact<?>, Object> values = new ConcurrentHashMap<>();

    public <T> void put(Fact<T> fact, T value) {
        values.put(fact, value);
    }

    /** @throws IllegalStateException when no step has produced it yet (a plan wired wrong) */
    @SuppressWarnings("unchecked")
    public <T> T get(Fact<T> fact) {
        Object value = values.get(fact);
        if (value == null) {
            throw new IllegalStateException("no " + fact.name() + " yet: the step that finds it has not run");
        }
        return (T) value;
    }
}
