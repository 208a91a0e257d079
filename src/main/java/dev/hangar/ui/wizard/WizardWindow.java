package dev.hangar.ui.wizard;

import dev.hangar.ui.Views;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The wizard's window: loads the frame and puts it on a stage. */
public final class WizardWindow {

    public static final String TITLE = "Hangar";

    private final WizardState state = new WizardState();

    public Parent createRoot() {
        return Views.load(WizardWindow.class, "WizardFrame.fxml", type -> {
            if (type == WizardFrameController.class) {
                return new WizardFrameController(state);
            }
            throw new IllegalArgumentException("no controller " + type.getName() + " in the wizard");
        });
    }

    public void showIn(Stage stage) {
        Scene scene = new Scene(createRoot(), 1100, 720);
        stage.setTitle(TITLE);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setScene(scene);
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new Image(WizardWindow.class.getResource("/dev/hangar/assets/hangar-" + size + ".png").toExternalForm()));
        }
        stage.show();
    }
}
