package dev.hangar.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TreeTableCell;
import javafx.scene.text.Text;

/**
 * The labelled controls a person sees in a window (skins included: table headers, tab titles, cells), the text node
 * their skin draws, and a name for each that a failure message can point at. Call on the FX thread.
 */
public final class SceneWalk {

    private SceneWalk() {
    }

    /** Every Labeled under the root that is shown: it and all its parents visible, and some text to show. */
    public static List<Labeled> visibleLabeleds(Parent root) {
        List<Labeled> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Node node, List<Labeled> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank() && !(l instanceof IndexedCell<?> c && c.isEmpty())) {
            found.add(l);
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collect(child, found));
        }
    }

    /** The Text node the skin draws the label with (its text ends in "…" when clipped), if the skin has one yet. */
    public static Optional<Text> textNode(Labeled l) {
        return textUnder(l, l);
    }

    /** A TitledPane draws its title inside its title region: search below, but not into another control or the content. */
    private static Optional<Text> textUnder(Parent p, Labeled owner) {
        for (Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof Text t && n.getStyleClass().contains("text")) {
                return Optional.of(t);
            }
        }
        for (Node n : p.getChildrenUnmodifiable()) {
            boolean content = owner instanceof javafx.scene.control.TitledPane tp && n == tp.getContent();
            if (n instanceof Parent child && !(n instanceof javafx.scene.control.Control) && !content && n != owner.getGraphic()) {
                Optional<Text> t = textUnder(child, owner);
                if (t.isPresent()) {
                    return t;
                }
            }
        }
        return Optional.empty();
    }

    /** Class, id, style classes, the table column a cell is in and the nearest ancestor with an id. */
    public static String describe(Node n) {
        StringBuilder s = new StringBuilder(n.getClass().getSimpleName());
        if (n.getId() != null) {
            s.append('#').append(n.getId());
        }
        n.getStyleClass().forEach(c -> s.append('.').append(c));
        if (n instanceof TableCell<?, ?> c && c.getTableColumn() != null) {
            s.append(" in column ").append(column(c.getTableColumn().getId(), c.getTableColumn().getText()));
        }
        if (n instanceof TreeTableCell<?, ?> c && c.getTableColumn() != null) {
            s.append(" in column ").append(column(c.getTableColumn().getId(), c.getTableColumn().getText()));
        }
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) {
                s.append(" in #").append(p.getId());
                break;
            }
        }
        return s.toString();
    }

    private static String column(String id, String text) {
        return (id != null ? "#" + id + " " : "") + "\"" + text + "\"";
    }
}
