package dev.hangar.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/** Loads FXML views with controllers built by a factory, so controllers get their dependencies by constructor. */
public final class Views {

    private static final String STYLESHEET = Views.class.getResource("hangar.css").toExternalForm();

    private Views() {
    }

    public static Parent load(Class<?> anchor, String fxml, Callback<Class<?>, Object> controllers) {
        URL url = anchor.getResource(fxml);
        if (url == null) {
            throw new IllegalStateException("missing view " + fxml + " beside " + anchor.getName());
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(controllers);
        try {
            Parent root = loader.load();
            root.getStylesheets().add(STYLESHEET);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load view " + fxml, e);
        }
    }
}
