package dev.hangar.ui.wizard;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/**
 * What an empty list or table shows: a spinning indicator with "Loading …" while its rows are read, and only after that
 * "No … matches." An empty list without either looked broken for the seconds AWS takes to answer.
 */
final class LoadingPlaceholder {

    private LoadingPlaceholder() {
    }

    static Node of(ObservableBooleanValue loading, ObservableStringValue loadingText, String emptyText) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("loadingIndicator");
        spinner.setMaxSize(36, 36);
        spinner.visibleProperty().bind(loading);
        spinner.managedProperty().bind(loading);
        Label text = new Label();
        text.setId("placeholderText");
        text.getStyleClass().add("placeholder");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.when(loading).then(loadingText).otherwise(emptyText));
        VBox box = new VBox(10, spinner, text);
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
