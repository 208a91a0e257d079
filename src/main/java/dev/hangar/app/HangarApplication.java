package dev.hangar.app;

import dev.hangar.ui.wizard.WizardWindow;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: the composition root of the desktop app. */
public final class HangarApplication extends Application {

    @Override
    public void start(Stage stage) {
        new WizardWindow().showIn(stage);
    }
}
