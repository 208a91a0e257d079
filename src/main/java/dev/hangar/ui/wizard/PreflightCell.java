package dev.hangar.ui.wizard;

import dev.hangar.preflight.PreflightCheck;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** One preflight check: its verdict, what was asked and what AWS answered. */
final class PreflightCell extends ListCell<PreflightCheck> {

    private final Label badge = new Label();
    private final Label title = new Label();
    private final Label detail = new Label();
    private final VBox box;

    PreflightCell() {
        badge.getStyleClass().add("badge");
        title.getStyleClass().add("finding-title");
        detail.getStyleClass().add("finding-detail");
        detail.setWrapText(true);
        detail.setMinWidth(0);
        box = new VBox(4, new HBox(10, badge, title), detail);
        box.setMinWidth(0);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(PreflightCheck c, boolean empty) {
        super.updateItem(c, empty);
        if (empty || c == null) {
            setGraphic(null);
            return;
        }
        badge.setText(c.status().name());
        badge.getStyleClass().removeAll("badge-PASS", "badge-WARN", "badge-FAIL");
        badge.getStyleClass().add("badge-" + c.status().name());
        title.setText(c.title());
        detail.setText(c.detail());
        setGraphic(box);
    }
}
