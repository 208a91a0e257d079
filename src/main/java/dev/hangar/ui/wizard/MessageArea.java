package dev.hangar.ui.wizard;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

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
                () -> LINES * lineHeight(area.getFont()) + area.getInsets().getTop() + area.getInsets().getBottom(),
                area.fontProperty(), area.insetsProperty());
        area.minHeightProperty().bind(height);
        area.prefHeightProperty().bind(height);
        area.maxHeightProperty().bind(height);
    }

    private static double lineHeight(Font font) {
        Text line = new Text("Ag");
        line.setFont(font);
        return Math.ceil(line.getLayoutBounds().getHeight());
    }
}
