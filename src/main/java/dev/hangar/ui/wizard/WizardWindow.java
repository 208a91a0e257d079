package dev.hangar.ui.wizard;

import dev.hangar.ui.CloseGuard;
import dev.hangar.ui.CloseGuards;
import dev.hangar.ui.Theme;
import dev.hangar.ui.Views;
import dev.hangar.ui.WindowPlacement;
import dev.hangar.ui.concurrent.Tasks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/** The wizard's window: loads the frame, puts it on a stage, remembers the stage's place and theme. */
public final class WizardWindow {

    public static final String TITLE = "Hangar";
    public static final double WIDTH = 1100;
    public static final double HEIGHT = 720;

    private final WizardState state;
    private final WizardServices services;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    /** The launch as the Launch step shows it; the window's close request cancels it rather than cut it off. */
    private final LaunchViewModel launch = new LaunchViewModel();

    static final CloseGuards.Question CLOSE_DURING_LAUNCH = new CloseGuards.Question("A launch is running. Cancel it and close?",
            "The launch is cancelled: no new step starts, and everything it has created so far is removed. "
                    + "The window shows the removal and closes when it has finished.",
            "Cancel the launch and close", "Keep launching");

    public WizardWindow(WizardState state, WizardServices services) {
        this.state = state;
        this.services = services;
    }

    public WizardState state() {
        return state;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Parent createRoot() {
        StepViews views = new StepViews(state, launch, services);
        return Views.load(WizardWindow.class, "WizardFrame.fxml", type -> {
            if (type == WizardFrameController.class) {
                return new WizardFrameController(state.currentStepProperty(), state.processingProperty(), state.session(), views, services,
                        services.monitor(state), theme);
            }
            throw new IllegalArgumentException("no controller " + type.getName() + " in the wizard");
        });
    }

    private static List<Image> icons() {
        List<Image> icons = new ArrayList<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            icons.add(new Image(WizardWindow.class.getResource("/dev/hangar/assets/hangar-" + size + ".png").toExternalForm()));
        }
        return icons;
    }

    public void showIn(Stage stage) {
        Path placementFile = services.engine().home().resolve("window.json");
        Optional<WindowPlacement> placement = WindowPlacement.load(placementFile);
        placement.ifPresent(p -> theme.set(p.theme() == null ? Theme.LIGHT : p.theme()));
        // The stylesheets go on before the root: set after it, they would have every node's styles matched twice.
        Scene scene = new Scene(new Region(), WIDTH, HEIGHT);
        theme.get().applyTo(scene);
        scene.setRoot(createRoot());
        theme.addListener((obs, old, now) -> {
            now.applyTo(scene);
            WindowPlacement.saveTheme(placementFile, now);
        });
        stage.setTitle(TITLE);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setScene(scene);
        // Decoding six PNGs is not worth holding the first frame for: the icons are loaded in the background.
        Tasks.create(WizardWindow::icons).onSuccess(stage.getIcons()::setAll).runOn(services.executor());
        placement.ifPresent(p -> p.applyTo(stage));
        stage.setOnHidden(e -> WindowPlacement.of(stage, theme.get()).save(placementFile));
        // Closing quits the app, which would interrupt a launch half-way: ask, cancel, and close once it has rolled back.
        CloseGuards.install(stage, new CloseGuard(launch), CLOSE_DURING_LAUNCH);
        stage.show();
    }
}
