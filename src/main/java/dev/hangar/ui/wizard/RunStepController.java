package dev.hangar.ui.wizard;

import dev.hangar.spec.RunSpec;
import dev.hangar.spec.SpecProblem;
import dev.hangar.ui.wizard.RunViewModel.CodeSource;
import dev.hangar.ui.wizard.RunViewModel.EnvRow;
import java.util.List;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** No run, or a training run: its code, setup, command, environment, and whether the machine stops when it ends. */
final class RunStepController implements StepController {

    private final RunViewModel model;
    private final FolderChooser folderChooser;
    /** Lets Next be pressed on an incomplete run; pressing it shows every field's message (the view-model words them). */
    private final TouchedFields nextShows;

    @FXML private RadioButton noRunRadio;
    @FXML private RadioButton runRadio;
    @FXML private VBox runForm;
    @FXML private RadioButton noCodeRadio;
    @FXML private RadioButton folderRadio;
    @FXML private RadioButton s3Radio;
    @FXML private TextField folderField;
    @FXML private Button browseButton;
    @FXML private TextField s3Field;
    @FXML private Label codeError;
    @FXML private TextArea setupArea;
    @FXML private Label setupError;
    @FXML private TextArea commandArea;
    @FXML private Label commandError;
    @FXML private GridPane envTable;
    @FXML private Label envError;
    @FXML private CheckBox stopWhenDoneCheck;
    @FXML private Label budgetLabel;
    @FXML private Label runError;

    /** @param folderChooser asks for the code folder (a fixed answer in tests) */
    RunStepController(RunViewModel model, ObservableValue<List<SpecProblem>> problems, FolderChooser folderChooser) {
        this.model = model;
        this.folderChooser = folderChooser;
        this.nextShows = new TouchedFields(problems, "run");
        nextShows.nextPressedProperty().addListener((obs, was, pressed) -> {
            if (pressed) {
                model.touchAll();
            } else {
                model.untouchAll(); // a new spec: nothing of it touched yet
            }
        });
    }

    /** @param problems the spec's problems; this step shows the run's */
    RunStepController(ObservableValue<List<SpecProblem>> problems, ObjectProperty<RunSpec> run, ObservableStringValue dataPrefix,
            FolderChooser folderChooser) {
        this(new RunViewModel(run, dataPrefix, problems), problems, folderChooser);
    }

    @FXML
    private void initialize() {
        ToggleGroup runGroup = new ToggleGroup();
        noRunRadio.setToggleGroup(runGroup);
        runRadio.setToggleGroup(runGroup);
        (model.enabled.get() ? runRadio : noRunRadio).setSelected(true);
        runRadio.selectedProperty().addListener((obs, was, on) -> model.enabled.set(on));
        model.enabled.addListener((obs, was, on) -> (on ? runRadio : noRunRadio).setSelected(true));
        shown(runForm, model.enabled);

        ToggleGroup codeGroup = new ToggleGroup();
        noCodeRadio.setToggleGroup(codeGroup);
        folderRadio.setToggleGroup(codeGroup);
        s3Radio.setToggleGroup(codeGroup);
        selectCode(model.codeSource.get());
        codeGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            model.codeSource.set(now == folderRadio ? CodeSource.FOLDER : now == s3Radio ? CodeSource.S3 : CodeSource.NONE);
        });
        model.codeSource.addListener((obs, old, now) -> selectCode(now));
        folderField.textProperty().bindBidirectional(model.folder);
        s3Field.textProperty().bindBidirectional(model.s3Code);
        folderField.disableProperty().bind(folderRadio.selectedProperty().not());
        browseButton.disableProperty().bind(folderRadio.selectedProperty().not());
        s3Field.disableProperty().bind(s3Radio.selectedProperty().not());
        touchedBy(folderField, RunViewModel.CODE);
        touchedBy(s3Field, RunViewModel.CODE);
        error(codeError, RunViewModel.CODE);

        setupArea.textProperty().bindBidirectional(model.setup);
        touchedBy(setupArea, RunViewModel.SETUP);
        error(setupError, RunViewModel.SETUP);
        commandArea.textProperty().bindBidirectional(model.command);
        touchedBy(commandArea, RunViewModel.COMMAND);
        error(commandError, RunViewModel.COMMAND);

        model.env.addListener((ListChangeListener<EnvRow>) change -> {
            boolean rowsChanged = false;
            while (change.next()) {
                rowsChanged |= change.wasAdded() || change.wasRemoved();
            }
            if (rowsChanged) {
                drawEnvRows();
            }
        });
        drawEnvRows();
        error(envError, RunViewModel.ENV);

        stopWhenDoneCheck.selectedProperty().bindBidirectional(model.stopWhenDone);
        budgetLabel.textProperty().bind(model.budgetText());
        model.overBudget().addListener((obs, was, over) -> budgetStyle(over));
        budgetStyle(model.overBudget().get());
        runError.getStyleClass().add("field-error");
        runError.textProperty().bind(model.runMessages());
    }

    @Override
    public BooleanExpression canProceed() {
        return model.valid();
    }

    @Override
    public java.util.Optional<TouchedFields> fieldMessages() {
        return java.util.Optional.of(nextShows);
    }

    @FXML
    void browse() {
        model.chooseFolder(folderChooser, browseButton.getScene().getWindow());
    }

    @FXML
    void addEnvRow() {
        model.addEnvRow();
        Node name = envTable.lookup("#envName" + model.env.size());
        if (name != null) {
            name.requestFocus();
        }
    }

    /** A header, then one line per variable: name, value and Remove. */
    private void drawEnvRows() {
        envTable.getChildren().removeIf(n -> GridPane.getRowIndex(n) != null && GridPane.getRowIndex(n) > 0);
        int i = 1;
        for (EnvRow row : model.env) {
            TextField name = new TextField();
            name.setPromptText("NAME");
            name.getStyleClass().add("code-input");
            name.setId("envName" + i);
            name.textProperty().bindBidirectional(row.name);
            TextField value = new TextField();
            value.setPromptText("value");
            value.setId("envValue" + i);
            value.textProperty().bindBidirectional(row.value);
            GridPane.setHgrow(value, Priority.ALWAYS);
            touchedBy(name, RunViewModel.ENV);
            touchedBy(value, RunViewModel.ENV);
            Button remove = new Button("Remove");
            remove.setId("envRemove" + i);
            remove.setMinWidth(Button.USE_PREF_SIZE);
            remove.setOnAction(e -> model.removeEnvRow(row));
            envTable.addRow(i++, name, value, remove);
        }
    }

    private void budgetStyle(boolean over) {
        budgetLabel.getStyleClass().removeAll("hint", "field-error");
        budgetLabel.getStyleClass().add(over ? "field-error" : "hint");
    }

    private void selectCode(CodeSource source) {
        (source == CodeSource.FOLDER ? folderRadio : source == CodeSource.S3 ? s3Radio : noCodeRadio).setSelected(true);
    }

    /** Typing in a field, or leaving it, shows its problems from then on. */
    private void touchedBy(TextInputControl input, String field) {
        input.textProperty().addListener((obs, old, now) -> model.touch(field));
        input.focusedProperty().addListener((obs, was, focused) -> {
            if (was && !focused) {
                model.touch(field);
            }
        });
    }

    /** The label keeps its line when empty, so a message appearing does not push the form about. */
    private void error(Label label, String field) {
        label.getStyleClass().add("field-error");
        label.setWrapText(true);
        label.textProperty().bind(model.messages(field));
    }

    private static void shown(Node node, javafx.beans.value.ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }
}
