package dev.hangar.ui.wizard;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** Scrolls the nearest scroll pane around a node just enough to show it: a message below the fold is a message unseen. */
final class ScrollIntoView {

    private ScrollIntoView() {
    }

    static void show(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane pane && pane.getContent() != null) {
                Node content = pane.getContent();
                double hidden = content.getLayoutBounds().getHeight() - pane.getViewportBounds().getHeight();
                if (hidden <= 0) {
                    return;
                }
                Bounds at = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
                double top = (pane.getVvalue() - pane.getVmin()) / (pane.getVmax() - pane.getVmin()) * hidden;
                double wanted = at.getMinY() < top ? at.getMinY()
                        : at.getMaxY() > top + pane.getViewportBounds().getHeight() ? at.getMaxY() - pane.getViewportBounds().getHeight()
                        : top;
                pane.setVvalue(pane.getVmin() + Math.min(1, wanted / hidden) * (pane.getVmax() - pane.getVmin()));
                return;
            }
        }
    }
}
