package dev.hangar.ui.wizard;

import dev.hangar.spec.LaunchSpec;
import javafx.beans.binding.ObjectBinding;

/** The launch spec the steps are building, as a whole: what a step that reads or replaces all of it needs. */
interface SpecDraft {

    /** The spec as the steps have filled it so far; not validated. */
    ObjectBinding<LaunchSpec> specBinding();

    default LaunchSpec spec() {
        return specBinding().get();
    }

    /** Puts a spec's values into the fields, e.g. after a checklist fix changed it. */
    void load(LaunchSpec spec);
}
