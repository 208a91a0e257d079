package dev.hangar.bench;

import dev.hangar.app.StartupProbe;
import dev.hangar.ui.wizard.WizardWindow;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The baseline of {@link StartupBench}: the least a JavaFX window costs. A stage the size of the wizard's
 * default window with one label, armed with the same {@link StartupProbe} as the app.
 *
 * <p>The main class does not extend {@code Application} (see {@code dev.hangar.app.Main}): started from the
 * class path, such a class fails with "JavaFX runtime components are missing". It launches {@link App}.
 */
public final class BareWindow {

    private BareWindow() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The window itself. */
    public static final class App extends Application {

        @Override
        public void start(Stage stage) {
            stage.setTitle("Bare window");
            stage.setScene(new Scene(new StackPane(new Label("A bare JavaFX window")), WizardWindow.WIDTH, WizardWindow.HEIGHT));
            stage.show();
            StartupProbe.arm(stage);
        }
    }
}
