package dev.hangar.ui;

import dev.hangar.checklist.Finding;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One checklist finding: its verdict, title, control IDs, what was found and, when it can, an "Apply fix" button.
 * The monitor shows drift with it too (drift findings carry manual fixes, so no button).
 */
public final class FindingCell extends ListCell<Finding> {

    private final Label badge = new Label();
    private final Label title = new Label();
    private final Label controls = new Label();
    private final Label detail = new Label();
    private final Button fix = new Button("Apply fix");
    private final VBox box;

    public FindingCell(Consumer<Finding> applyFix) {
        badge.getStyleClass().add("badge");
        title.getStyleClass().add("finding-title");
        controls.getStyleClass().add("hint");
        detail.getStyleClass().add("finding-detail");
        detail.setWrapText(true);
        fix.getStyleClass().add("fix-button");
        fix.setOnAction(e -> {
            if (getItem() != null) {
                applyFix.accept(getItem());
            }
        });
        // Control IDs go below the title: a long list of them must not squeeze the title or the button.
        HBox top = new HBox(10, badge, title, fix);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // The title says what was found, with its specifics ("SSH is open to the whole internet (0.0.0.0/0)"): it takes the
        // row's free width and wraps there, so the Apply fix button stays whole at the window's minimum size.
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        title.setMinWidth(0);
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        fix.setMinWidth(Region.USE_PREF_SIZE);
        controls.getStyleClass().add("finding-controls");
        box = new VBox(3, top, controls, detail);
        // Without this a wrapped label makes the cell as wide as its text and the list scrolls sideways.
        setPrefWidth(0);
        box.setMinWidth(0);
        detail.setMinWidth(0);
    }

    @Override
    protected void updateItem(Finding f, boolean empty) {
        super.updateItem(f, empty);
        if (empty || f == null) {
            setGraphic(null);
            return;
        }
        badge.setText(f.status().name());
        badge.getStyleClass().removeAll("badge-PASS", "badge-WARN", "badge-FAIL");
        badge.getStyleClass().add("badge-" + f.status().name());
        title.setText(f.title());
        controls.setText(f.controls().isEmpty() ? "" : "Controls: " + String.join(" · ", f.controls()));
        controls.setVisible(!f.controls().isEmpty());
        controls.setManaged(!f.controls().isEmpty());
        detail.setText(f.detail() + (f.fix() != null && f.status() != dev.hangar.checklist.Status.PASS ? "\nFix: " + f.fix().description() : ""));
        boolean fixable = f.hasOneClickFix() && f.status() != dev.hangar.checklist.Status.PASS;
        fix.setVisible(fixable);
        fix.setManaged(fixable);
        fix.setId("fix-" + f.ruleId());
        setGraphic(box);
    }
}
