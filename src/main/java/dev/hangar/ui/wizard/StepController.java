package dev.hangar.ui.wizard;

import java.util.List;
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

    /**
     * Work done once while the view, built ahead, is in the scene but hidden, each part a frame after the one before
     * (the first a frame after the view was styled): a step whose first data makes many new nodes at once makes a few
     * of them here, so that their one-time costs (classes, skins, styles) are paid while the previous step is idle
     * rather than on the frame the data arrives in.
     */
    default List<Runnable> rehearsal() {
        return List.of();
    }
}
