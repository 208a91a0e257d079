package dev.hangar.ui.wizard;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Stands where a step's own view will be, until that step is built. */
final class StepPlaceholder extends VBox {

    StepPlaceholder(WizardStep step) {
        Label label = new Label(step.title() + " — this step is not built yet.");
        label.getStyleClass().add("placeholder");
        getChildren().add(label);
    }
}
