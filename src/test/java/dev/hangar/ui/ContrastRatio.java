package dev.hangar.ui;

import javafx.scene.paint.Color;

/** WCAG 2.x contrast: (L1 + 0.05) / (L2 + 0.05) of the relative luminances, from 1:1 to 21:1. */
public final class ContrastRatio {

    /** WCAG AA for normal text. */
    public static final double AA = 4.5;

    private ContrastRatio() {
    }

    public static double of(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** Relative luminance of an sRGB colour (its opacity is ignored: blend it first). */
    public static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    /** {@code top} painted over {@code below} (source-over), as an opaque colour when {@code below} is. */
    public static Color over(Color top, Color below) {
        double a = top.getOpacity();
        double outA = a + below.getOpacity() * (1 - a);
        if (outA == 0) {
            return Color.TRANSPARENT;
        }
        return new Color(
                (top.getRed() * a + below.getRed() * below.getOpacity() * (1 - a)) / outA,
                (top.getGreen() * a + below.getGreen() * below.getOpacity() * (1 - a)) / outA,
                (top.getBlue() * a + below.getBlue() * below.getOpacity() * (1 - a)) / outA,
                Math.min(1, outA));
    }

    /** A node at this opacity: its pixels mixed with what is below it. */
    public static Color mix(Color node, Color below, double opacity) {
        return over(new Color(node.getRed(), node.getGreen(), node.getBlue(), node.getOpacity() * opacity), below);
    }
}
