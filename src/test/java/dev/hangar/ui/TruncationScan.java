package dev.hangar.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Text;

/**
 * Finds text a window shows cut off: a Labeled whose skin draws less than its text (an ellipsis, a clipped word), or one
 * that reaches past the window's edge where nothing scrolls to it. Call on the FX thread, after a layout pass.
 */
public final class TruncationScan {

    /** One cut-off text: where (step and theme), which node, its whole text and what was shown of it. */
    public record Cut(String where, String node, String full, String shown) {
        @Override
        public String toString() {
            return where + ": " + node + " shows \"" + shown + "\" of \"" + full + "\"";
        }
    }

    private TruncationScan() {
    }

    public static List<Cut> scan(Parent root, String where) {
        List<Cut> cuts = new ArrayList<>();
        for (Labeled l : SceneWalk.visibleLabeleds(root)) {
            if (l.getContentDisplay() == javafx.scene.control.ContentDisplay.GRAPHIC_ONLY) {
                if (l.getGraphic() instanceof Text wrapped && !insideItsCell(wrapped, l)) {
                    cuts.add(new Cut(where, SceneWalk.describe(l) + " (its wrapped text reaches past the cell)", l.getText(), wrapped.getText()));
                }
                continue;
            }
            String full = l.getText();
            String shown = SceneWalk.textNode(l).map(Text::getText).orElse("");
            if (!shown.equals(displayed(l, full))) {
                cuts.add(new Cut(where, SceneWalk.describe(l), full, shown));
            } else {
                String edge = pastAnEdge(l);
                if (edge != null) {
                    cuts.add(new Cut(where, SceneWalk.describe(l) + " (past the " + edge + ")", full, shown));
                }
            }
        }
        return cuts;
    }

    /** The text as the skin shows it whole: a mnemonic's underscore is drawn as an underline, not a character. */
    private static String displayed(Labeled l, String text) {
        if (!l.isMnemonicParsing()) {
            return text;
        }
        int i = text.indexOf('_');
        return i >= 0 && i < text.length() - 1 ? text.substring(0, i) + text.substring(i + 1) : text;
    }

    /** A graphic drawn in its Labeled's bounds (a cell clips the rest away). */
    private static boolean insideItsCell(Text text, Labeled l) {
        Bounds b = l.sceneToLocal(text.localToScene(text.getLayoutBounds()));
        return b.getMinX() >= -0.5 && b.getMinY() >= -0.5 && b.getMaxX() <= l.getWidth() + 0.5 && b.getMaxY() <= l.getHeight() + 0.5;
    }

    /** Which edge cuts the label: the window's, or the side of a table that does not scroll sideways; null when none. */
    private static String pastAnEdge(Labeled l) {
        if (l.getScene() == null) {
            return null;
        }
        for (Node n = l.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane) {
                return null; // scrolled to, not cut
            }
            if (n instanceof TableView<?> || n instanceof TreeTableView<?> || n instanceof ListView<?>) {
                // Rows below the bottom are scrolled to; a column past the side only when the table scrolls sideways.
                return past(l, n.localToScene(n.getLayoutBounds()), false) && !scrollsSideways(n) ? "side of " + SceneWalk.describe(n) : null;
            }
        }
        return past(l, new BoundingBox(0, 0, l.getScene().getWidth(), l.getScene().getHeight()), true) ? "window's edge" : null;
    }

    private static boolean past(Labeled l, Bounds edge, boolean vertically) {
        Bounds b = l.localToScene(l.getLayoutBounds());
        double slack = 0.5;
        boolean sideways = b.getMaxX() > edge.getMaxX() + slack || b.getMinX() < edge.getMinX() - slack;
        return sideways || vertically && (b.getMaxY() > edge.getMaxY() + slack || b.getMinY() < edge.getMinY() - slack);
    }

    /** A table wider than its room shows a horizontal scroll bar: what is past its edge can be scrolled to. */
    private static boolean scrollsSideways(Node table) {
        return table.lookupAll(".scroll-bar").stream()
                .anyMatch(n -> n instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible());
    }
}
