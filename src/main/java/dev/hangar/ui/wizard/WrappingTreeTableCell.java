package dev.hangar.ui.wizard;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TreeTableCell;
import javafx.scene.text.Text;

/**
 * A cell whose text wraps onto more lines rather than end in "…": an image name such as "Deep Learning OSS Nvidia
 * Driver AMI GPU PyTorch 2.5.1 (Ubuntu 22.04) 20250105" is the choice itself, and must be read whole at 900 px.
 */
final class WrappingTreeTableCell<S> extends TreeTableCell<S, String> {

    private final Text text = new Text();

    WrappingTreeTableCell() {
        text.fillProperty().bind(textFillProperty()); // the cell's colour in every state: selected, dark theme
        text.fontProperty().bind(fontProperty());
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    /** The text wraps at what the tree's indent and disclosure arrow leave of the cell, known once laid out. */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double room = Math.max(40, getWidth() - snappedRightInset() - text.getLayoutX());
        if (Math.abs(text.getWrappingWidth() - room) > 0.5) {
            text.setWrappingWidth(room);
            requestLayout(); // taller or shorter now: the row takes the new height
        }
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        boolean blank = empty || item == null;
        setText(blank ? null : item); // what the cell says, for lookups and accessibility; the Text draws it
        text.setText(blank ? "" : item);
        setGraphic(blank ? null : text);
    }
}
