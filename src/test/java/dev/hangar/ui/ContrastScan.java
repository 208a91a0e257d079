package dev.hangar.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Text;

/**
 * The contrast of each shown label's text against what is behind it, as the CSS leaves them: the text fill and the
 * background fills of the label and its parents composited up to the window (each node's opacity mixed in, as a
 * disabled control's 0.4). A gradient counts as the mean of its stops. Call on the FX thread.
 */
public final class ContrastScan {

    /** The colours a person sees, text and background both opaque after blending, and whether the control was disabled. */
    public record Measured(String where, Labeled node, boolean disabled, String text, Color fill, Color background, double ratio) {
        @Override
        public String toString() {
            return String.format("%s: %s%s \"%s\" %s on %s is %.2f:1", where, disabled ? "disabled " : "", SceneWalk.describe(node), text,
                    hex(fill), hex(background), ratio);
        }
    }

    private ContrastScan() {
    }

    public static List<Measured> scan(Parent root, String where) {
        List<Measured> found = new ArrayList<>();
        for (Labeled l : SceneWalk.visibleLabeleds(root)) {
            if (l.getContentDisplay() != javafx.scene.control.ContentDisplay.GRAPHIC_ONLY) {
                SceneWalk.textNode(l).filter(Node::isVisible).ifPresent(t -> found.add(measure(l, t, where)));
            }
        }
        return found;
    }

    /** The ones an enabled control shows below WCAG AA (a disabled control is exempt, as WCAG says). */
    public static List<Measured> belowAa(Parent root, String where) {
        return scan(root, where).stream().filter(m -> !m.disabled() && m.ratio() < ContrastRatio.AA).toList();
    }

    public static Measured measure(Labeled l, String where) {
        return measure(l, SceneWalk.textNode(l).orElseThrow(() -> new AssertionError(SceneWalk.describe(l) + " has no text node")), where);
    }

    private static Measured measure(Labeled l, Text text, String where) {
        List<Node> chain = new ArrayList<>();
        for (Node n = text; n != null; n = n.getParent()) {
            chain.add(n);
        }
        Color window = l.getScene() != null && l.getScene().getFill() instanceof Color c ? c : Color.WHITE;
        Color fill = render(chain, chain.size() - 1, over(window), colour(text.getFill()), true);
        Color background = render(chain, chain.size() - 1, over(window), null, false);
        return new Measured(where, l, l.isDisabled(), text.getText(), fill, background, ContrastRatio.of(fill, background));
    }

    private static Color over(Color window) {
        return ContrastRatio.over(window, Color.WHITE);
    }

    /**
     * What node chain[i] leaves at the text's pixel over {@code below}: its background fills, then its child on the
     * way to the text (or the text itself), the whole mixed with {@code below} at the node's opacity.
     */
    private static Color render(List<Node> chain, int i, Color below, Color textFill, boolean withText) {
        Node n = chain.get(i);
        Color inner;
        if (i == 0) {
            inner = withText ? ContrastRatio.over(textFill, below) : below;
        } else {
            Color bg = below;
            if (n instanceof Region r && r.getBackground() != null) {
                for (BackgroundFill f : r.getBackground().getFills()) {
                    bg = ContrastRatio.over(colour(f.getFill()), bg);
                }
            }
            inner = render(chain, i - 1, bg, textFill, withText);
        }
        return ContrastRatio.mix(inner, below, n.getOpacity());
    }

    static Color colour(Paint p) {
        if (p instanceof Color c) {
            return c;
        }
        List<Stop> stops = p instanceof LinearGradient g ? g.getStops() : p instanceof RadialGradient g ? g.getStops() : List.of();
        if (stops.isEmpty()) {
            return Color.TRANSPARENT;
        }
        double r = 0, g = 0, b = 0, a = 0;
        for (Stop s : stops) {
            r += s.getColor().getRed();
            g += s.getColor().getGreen();
            b += s.getColor().getBlue();
            a += s.getColor().getOpacity();
        }
        int k = stops.size();
        return new Color(r / k, g / k, b / k, a / k);
    }

    static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }
}
