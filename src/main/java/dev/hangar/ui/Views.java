package dev.hangar.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/**
 * Loads FXML views with controllers built by a factory, so controllers get their dependencies by
 * constructor. Stylesheets belong to the scene ({@link Theme}), so a theme switch reaches every view.
 */
public final class Views {

    /** A loaded view and its controller. */
    public record View<C>(Parent root, C controller) {
    }

    private Views() {
    }

    public static Parent load(Class<?> anchor, String fxml, Callback<Class<?>, Object> controllers) {
        return loadView(anchor, fxml, controllers).root();
    }

    public static <C> View<C> loadView(Class<?> anchor, String fxml, Callback<Class<?>, Object> controllers) {
        URL url = anchor.getResource(fxml);
        if (url == null) {
            throw new IllegalStateException("missing view " + fxml + " beside " + anchor.getName());
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(controllers);
        try {
            Parent root = loader.load();
            return new View<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load view " + fxml, e);
        }
    }
}
