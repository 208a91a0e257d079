package dev.hangar.ui.wizard;

import dev.hangar.spec.SpecProblem;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

/**
 * A step's share of the spec's problems: the fields it owns decide whether Next is enabled, and each
 * field's messages stand in a label beside it.
 */
final class FieldErrors {

    private final ObservableValue<List<SpecProblem>> problems;
    private final Set<String> fields;

    FieldErrors(ObservableValue<List<SpecProblem>> problems, String... fields) {
        this.problems = problems;
        this.fields = Set.of(fields);
    }

    /** True while none of the step's fields has a problem. */
    BooleanBinding none() {
        return Bindings.createBooleanBinding(() -> problems.getValue().stream().noneMatch(p -> owns(p.field())), problems);
    }

    /**
     * Shows the field's messages in the label, hidden while there are none. A bare "is required" is not
     * shown: an empty field is plain to see, and Next being disabled says the rest.
     */
    void show(Label label, String field) {
        label.getStyleClass().add("field-error");
        label.setWrapText(true);
        label.textProperty().bind(Bindings.createStringBinding(() -> messages(field), problems));
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    String messages(String field) {
        return problems.getValue().stream()
                .filter(p -> p.field().equals(field) || p.field().startsWith(field + "."))
                .map(SpecProblem::message)
                .filter(m -> !m.equals("is required"))
                .collect(Collectors.joining("\n"));
    }

    private boolean owns(String field) {
        int dot = field.indexOf('.');
        return fields.contains(dot < 0 ? field : field.substring(0, dot));
    }
}
