package dev.hangar.ui.wizard;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** What every step of the wizard shares. The launch spec being built joins it with the steps. */
public final class WizardState {

    private final ObjectProperty<WizardStep> currentStep = new SimpleObjectProperty<>(WizardStep.ACCOUNT);

    public ObjectProperty<WizardStep> currentStepProperty() {
        return currentStep;
    }

    public WizardStep currentStep() {
        return currentStep.get();
    }
}
