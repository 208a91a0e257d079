package dev.hangar.ui.wizard;

import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** What the frame needs of each step's controller. */
interface StepController {

    /** True when the step's input is complete and valid; the frame binds Next to it. */
    BooleanExpression canProceed();

    /** Whether Back may leave this step (not while a launch runs, nor once it succeeded). */
    default BooleanExpression canGoBack() {
        return new ReadOnlyBooleanWrapper(true);
    }

    /** Called each time the step is shown, e.g. to load its lists from AWS. */
    default void entered() {
    }
}
