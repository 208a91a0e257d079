package dev.hangar.ui.wizard;

import dev.hangar.spec.SpecProblem;
import dev.hangar.ui.session.SessionModel;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;

/**
 * What the steps after Region read besides their own fields.
 *
 * @param region     the spec's region, chosen on the Region step
 * @param problems   the spec's problems; each step shows its own fields'
 * @param processing the wizard's busy flag, which greys out Next
 */
record StepContext(SessionModel session, ObservableStringValue region, ObservableValue<List<SpecProblem>> problems,
        BooleanProperty processing) {
}
