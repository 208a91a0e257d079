package dev.hangar.ui.wizard;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;

/** The frame around every step: the step list, the step's header and content, Back and Next. */
public final class WizardFrameController {

    private final WizardState state;

    @FXML private ListView<WizardStep> stepList;
    @FXML private Label stepTitle;
    @FXML private Label stepSubtitle;
    @FXML private StackPane content;
    @FXML private Button backButton;
    @FXML private Button nextButton;

    public WizardFrameController(WizardState state) {
        this.state = state;
    }

    @FXML
    private void initialize() {
        stepList.getItems().setAll(WizardStep.values());
        stepList.setCellFactory(list -> new StepCell());
        // The list shows where you are; moving is done with Back and Next, which check each step.
        stepList.setMouseTransparent(true);
        stepList.setFocusTraversable(false);
        state.currentStepProperty().addListener((obs, old, step) -> show(step));
        show(state.currentStep());
        backButton.disableProperty().bind(Bindings.createBooleanBinding(() -> state.currentStep().isFirst(), state.currentStepProperty()));
        nextButton.disableProperty().bind(Bindings.createBooleanBinding(() -> state.currentStep().isLast(), state.currentStepProperty()));
    }

    @FXML
    void next() {
        state.currentStepProperty().set(state.currentStep().next());
    }

    @FXML
    void back() {
        state.currentStepProperty().set(state.currentStep().previous());
    }

    private void show(WizardStep step) {
        stepList.getSelectionModel().select(step);
        stepTitle.setText(step.title());
        stepSubtitle.setText(step.subtitle());
        content.getChildren().setAll(new StepPlaceholder(step));
    }

    private static final class StepCell extends ListCell<WizardStep> {
        @Override
        protected void updateItem(WizardStep step, boolean empty) {
            super.updateItem(step, empty);
            setText(empty || step == null ? null : (step.ordinal() + 1) + "   " + step.title());
        }
    }
}
