package dev.hangar.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;

/** Light or dark: the dark sheet only redefines the colours the light one names. */
public enum Theme {
    LIGHT, DARK;

    private static final String BASE = Theme.class.getResource("hangar.css").toExternalForm();
    private static final String DARK_SHEET = Theme.class.getResource("hangar-dark.css").toExternalForm();

    public List<String> stylesheets() {
        List<String> sheets = new ArrayList<>(List.of(BASE));
        if (this == DARK) {
            sheets.add(DARK_SHEET);
        }
        return sheets;
    }

    public void applyTo(Scene scene) {
        scene.getStylesheets().setAll(stylesheets());
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
