package dev.hangar.ui.wizard;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;

/**
 * A label for a message that comes and goes (a field's problem, a note on what was typed) that keeps its height whether
 * a message shows or not, so that nothing below it moves when one appears or goes (a moving form makes the next click
 * miss). Two lines of its font: every message of {@link FieldMessages} fits them at the window's minimum width.
 */
final class MessageArea {

    static final int LINES = 2;

    private MessageArea() {
    }

    static void reserve(Label area) {
        area.setWrapText(true);
        area.setAlignment(Pos.TOP_LEFT); // under the field it is about, not centred in the space kept
        area.visibleProperty().unbind();
        area.managedProperty().unbind();
        area.setVisible(true);
        area.setManaged(true);
        DoubleBinding height = Bindings.createDoubleBinding(
                () -> linesHeight(area) + area.getInsets().getTop() + area.getInsets().getBottom(),
                area.fontProperty(), area.insetsProperty(), area.lineSpacingProperty());
        area.minHeightProperty().bind(height);
        area.prefHeightProperty().bind(height);
        area.maxHeightProperty().bind(height);
    }

    /** Per font and line spacing: every area of a theme has the same, and a form has a dozen (FX thread only). */
    private static final Map<List<Object>, Double> HEIGHTS = new HashMap<>();

    /** Measured as the label's skin measures wrapped text: a pixel short, and it would show one line and an ellipsis. */
    private static double linesHeight(Label area) {
        return HEIGHTS.computeIfAbsent(List.of(area.getFont(), area.getLineSpacing()), key -> {
            Text lines = new Text(String.join("\n", Collections.nCopies(LINES, "Ag")));
            lines.setFont(area.getFont());
            lines.setLineSpacing(area.getLineSpacing());
            lines.setBoundsType(TextBoundsType.LOGICAL_VERTICAL_CENTER); // as a Labeled lays out its text
            return Math.ceil(lines.getLayoutBounds().getHeight()) + 1;
        });
    }
}
