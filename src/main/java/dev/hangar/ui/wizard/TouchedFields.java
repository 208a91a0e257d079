package dev.hangar.ui.wizard;

import dev.hangar.spec.SpecProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * A step's validation as a researcher meets it: the problems of the fields the step owns decide whether it may
 * proceed, but a field's message shows only once the field has been touched (focus has left it) or Next has been
 * pressed on the step. A message names the field's on-screen label ({@link FieldMessages}), one at a time.
 */
final class TouchedFields {

    private final ObservableValue<List<SpecProblem>> problems;
    private final Set<String> owned;
    /** Problems the step finds itself (text that is not yet a spec value), by field; empty text is none. */
    private final Map<String, ObservableValue<String>> local = new LinkedHashMap<>();
    private final ObservableSet<String> touched = FXCollections.observableSet();
    private final BooleanProperty nextPressed = new SimpleBooleanProperty();
    /** The controls of each field, in the step's order: Next focuses the first with a message. */
    private final Map<String, List<Node>> controls = new LinkedHashMap<>();
    /** Where each group of fields says its message, in the step's order. */
    private final Map<Label, List<String>> areas = new LinkedHashMap<>();

    /** @param fields the spec fields the step edits ({@code tags} owns {@code tags.project} too) */
    TouchedFields(ObservableValue<List<SpecProblem>> problems, String... fields) {
        this.problems = problems;
        this.owned = Set.of(fields);
    }

    /** A problem the step finds before the spec can (e.g. a tags line that is not key=value): blocks and shows as the spec's do. */
    TouchedFields alsoCheck(String field, ObservableValue<String> message) {
        local.put(field, message);
        return this;
    }

    /** True while no field of the step has a problem: Next then moves on. */
    BooleanBinding complete() {
        return Bindings.createBooleanBinding(() -> problems.getValue().stream().noneMatch(p -> owned.contains(top(p.field())))
                && local.values().stream().allMatch(m -> blank(m.getValue())), dependencies());
    }

    void touch(String field) {
        touched.add(field);
    }

    /**
     * Next was pressed while something is missing: every field's message shows, the first one's control has focus, and
     * both are scrolled into view.
     */
    void nextPressed() {
        nextPressed.set(true);
        areas.entrySet().stream().filter(e -> !messageNow(e.getValue()).isEmpty()).findFirst()
                .ifPresent(e -> ScrollIntoView.show(e.getKey()));
        controls.entrySet().stream()
                .filter(e -> !messageNow(List.of(e.getKey())).isEmpty())
                .flatMap(e -> e.getValue().stream())
                .filter(n -> n.isVisible() && !n.isDisabled() && n.getScene() != null)
                .findFirst()
                .ifPresent(n -> {
                    n.requestFocus();
                    ScrollIntoView.show(n);
                });
    }

    /** True once Next was pressed on the step with something missing; false again after {@link #reset()}. */
    javafx.beans.value.ObservableBooleanValue nextPressedProperty() {
        return nextPressed;
    }

    /** A new spec ("Launch another"): nothing of it has been touched yet. */
    void reset() {
        touched.clear();
        nextPressed.set(false);
    }

    /** The message for these fields: the first problem of a touched one, in plain words; empty while there is none to show. */
    StringBinding message(String... fields) {
        List<String> wanted = List.of(fields);
        return Bindings.createStringBinding(() -> messageNow(wanted), dependencies());
    }

    /**
     * The field counts as touched when focus leaves its controls for anything else (moving between a field's own
     * controls, e.g. from "New, named" into the name box, does not).
     */
    void touchWhenLeft(String field, Node... nodes) {
        controls.computeIfAbsent(field, f -> new ArrayList<>()).addAll(Arrays.asList(nodes));
        ChangeListener<Node> left = (obs, old, now) -> {
            if (inside(old, nodes) && !inside(now, nodes)) {
                touch(field);
            }
        };
        nodes[0].sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.focusOwnerProperty().removeListener(left);
            }
            if (scene != null) {
                scene.focusOwnerProperty().addListener(left);
            }
        });
        if (nodes[0].getScene() != null) {
            nodes[0].getScene().focusOwnerProperty().addListener(left);
        }
    }

    /** Shows the fields' message in the label, in space it keeps whether a message shows or not. */
    void show(Label area, String... fields) {
        if (!area.getStyleClass().contains("field-error")) {
            area.getStyleClass().add("field-error");
        }
        MessageArea.reserve(area);
        area.textProperty().bind(message(fields));
        areas.put(area, List.of(fields));
    }

    private String messageNow(List<String> fields) {
        Stream<String> fromStep = fields.stream().filter(this::shown)
                .map(f -> Optional.ofNullable(local.get(f)).map(ObservableValue::getValue).filter(m -> !blank(m))
                        .map(m -> FieldMessages.say(f, m)))
                .flatMap(Optional::stream);
        Stream<String> fromSpec = problems.getValue().stream()
                .filter(p -> fields.contains(top(p.field())) && shown(top(p.field())))
                .map(FieldMessages::say);
        return Stream.concat(fromStep, fromSpec).findFirst().orElse("");
    }

    private boolean shown(String field) {
        return nextPressed.get() || touched.contains(field);
    }

    private Observable[] dependencies() {
        List<Observable> all = new ArrayList<>(List.of(problems, touched, nextPressed));
        all.addAll(local.values());
        return all.toArray(Observable[]::new);
    }

    private static boolean inside(Node node, Node[] nodes) {
        for (Node n = node; n != null; n = n.getParent()) {
            for (Node candidate : nodes) {
                if (n == candidate) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String top(String field) {
        int dot = field.indexOf('.');
        return dot < 0 ? field : field.substring(0, dot);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
