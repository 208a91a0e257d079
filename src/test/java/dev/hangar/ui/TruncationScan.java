package dev.hangar.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
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
                if (l.getGraphic() instanceof Text wrapped && wrapped.getLayoutBounds().getHeight() > l.getHeight() + 0.5) {
                    cuts.add(new Cut(where, SceneWalk.describe(l) + " (wrapped text taller than its cell)", l.getText(), ""));
                }
                continue;
            }
            String full = l.getText();
            String shown = SceneWalk.textNode(l).map(Text::getText).orElse("");
            if (!shown.equals(displayed(l, full))) {
                cuts.add(new Cut(where, SceneWalk.describe(l), full, shown));
            } else if (pastTheWindow(l)) {
                cuts.add(new Cut(where, SceneWalk.describe(l) + " (past the window's edge)", full, shown));
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

    private static boolean pastTheWindow(Labeled l) {
        if (l.getScene() == null) {
            return false;
        }
        for (Node n = l.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane || n instanceof javafx.scene.control.TableView<?> || n instanceof javafx.scene.control.TreeTableView<?>
                    || n instanceof javafx.scene.control.ListView<?>) {
                return false; // scrolled to, not cut
            }
        }
        Bounds b = l.localToScene(l.getLayoutBounds());
        double slack = 0.5;
        return b.getMaxX() > l.getScene().getWidth() + slack || b.getMaxY() > l.getScene().getHeight() + slack
                || b.getMinX() < -slack || b.getMinY() < -slack;
    }
}
