package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;
import java.util.List;

/** One check of the security checklist. Stateless and side-effect free, so the monitor's drift audit can rerun it. */
public interface Rule {

    /** Stable kebab-case identifier; never reused for another meaning. */
    String id();

    /**
     * What the rule requires, whatever a spec's outcome: "SSH and RDP are not open to the whole internet". A finding's
     * title says what was found instead.
     */
    String check();

    String why();

    Severity severity();

    List<String> controls();

    /** @param facts never null; unknown facts are null inside it */
    Finding evaluate(Blueprint blueprint, AccountFacts facts);
}
