package dev.hangar.ui.wizard;

import java.util.Optional;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** What the frame needs of each step's controller. */
interface StepController {

    /** True when the step's input is complete and valid: only then does Next move on (and the sidebar jump past it). */
    BooleanExpression canProceed();

    /**
     * A form step's field messages. With them, Next stays pressable while the input is incomplete, and pressing it shows
     * what is missing; without them (the default) Next is disabled until the step can proceed.
     */
    default Optional<TouchedFields> fieldMessages() {
        return Optional.empty();
    }

    /** Whether Back may leave this step (not while a launch runs, nor once it succeeded). */
    default BooleanExpression canGoBack() {
        return new ReadOnlyBooleanWrapper(true);
    }

    /** Called each time the step is shown, e.g. to load its lists from AWS. */
    default void entered() {
    }
}
