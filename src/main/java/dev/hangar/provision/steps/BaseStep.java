package dev.hangar.provision.steps;

import dev.hangar.provision.Step;
import java.util.List;

/** Holds a step's identity; subclasses do the work. */
abstract class BaseStep implements Step {

    private final String id;
    private final String title;
    private final List<String> dependsOn;

    BaseStep(String id, String title, List<String> dependsOn) {
        this.id = id;
        this.title = title;
        this.dependsOn = List.copyOf(dependsOn);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final List<String> dependsOn() {
        return dependsOn;
    }

    @Override
    public String toString() {
        return id;
    }
}
