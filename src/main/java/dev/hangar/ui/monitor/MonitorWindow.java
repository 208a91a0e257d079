package dev.hangar.ui.monitor;

import dev.hangar.monitor.FollowPace;
import dev.hangar.monitor.RunLogs;
import dev.hangar.ui.CloseGuard;
import dev.hangar.ui.CloseGuards;
import dev.hangar.ui.Theme;
import dev.hangar.ui.Views;
import dev.hangar.ui.connect.ConnectViewModel;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The monitor's window, beside the wizard's: it lives as long as the researcher watches, while the
 * wizard may launch another machine. It follows the app's session and the wizard's theme; there is one at a time.
 */
public final class MonitorWindow {

    public static final String TITLE = "Hangar — Monitor";
    public static final double WIDTH = 1200;
    public static final double HEIGHT = 780;
    static final String STYLESHEET = MonitorWindow.class.getResource("monitor.css").toExternalForm();

    private final MonitorServices services;
    /** Events a GetLogEvents call of the Logs tab asks for; tests ask for a few, to read across pages. */
    private final int logPageSize;
    private MonitorController controller;
    private Stage stage;

    public MonitorWindow(MonitorServices services) {
        this(services, RunLogs.MAX_PAGE);
    }

    MonitorWindow(MonitorServices services, int logPageSize) {
        this.services = services;
        this.logPageSize = logPageSize;
    }

    /**
     * Shows the monitor, or brings the one already open to the front.
     *
     * @param from     the window asking (its theme is followed, the monitor opens beside it)
     * @param launchId the launch to select, or null
     */
    public static void open(Window from, MonitorServices services, String launchId) {
        MonitorWindow open = Window.getWindows().stream().filter(w -> w.getUserData() instanceof MonitorWindow)
                .map(w -> (MonitorWindow) w.getUserData()).findFirst().orElse(null);
        if (open != null) {
            if (launchId != null) {
                open.controller.select(launchId);
            }
            open.stage.toFront();
            return;
        }
        MonitorWindow monitor = new MonitorWindow(services);
        Stage stage = new Stage();
        if (from != null) {
            stage.setX(from.getX() + 40);
            stage.setY(from.getY() + 40);
        }
        monitor.showIn(stage, from);
        if (launchId != null) {
            monitor.controller.select(launchId);
        }
    }

    /** Puts the monitor on this stage and starts refreshing; it stops when the stage is hidden. */
    public void showIn(Stage stage, Window from) {
        MonitorEngine engine = new MonitorEngine(services.engine());
        var view = Views.<MonitorController>loadView(MonitorWindow.class, "Monitor.fxml", type -> {
            if (type == MonitorController.class) {
                return new MonitorController(services.session(), services.region(), engine, services.executor(),
                        new ConnectViewModel(services.executor(), services.session(), services.connect(), services.engine().home()),
                        new LogsViewModel(new SessionLogs(services.session(), services.engine().journal()),
                                FollowPace.matching(services.engine().pacing()), logPageSize, LogsViewModel.CAPACITY, Platform::runLater));
            }
            throw new IllegalArgumentException("no controller " + type.getName() + " in the monitor");
        });
        controller = view.controller();
        this.stage = stage;
        view.root().getStylesheets().add(STYLESHEET);
        Scene scene = new Scene(view.root(), WIDTH, HEIGHT);
        if (from != null && from.getScene() != null) {
            Bindings.bindContent(scene.getStylesheets(), from.getScene().getStylesheets()); // the wizard's theme, switched live
        } else {
            Theme.LIGHT.applyTo(scene);
        }
        stage.setTitle(TITLE);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setScene(scene);
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new Image(MonitorWindow.class.getResource("/dev/hangar/assets/hangar-" + size + ".png").toExternalForm()));
        }
        stage.setUserData(this);
        stage.setOnHidden(e -> {
            controller.close();
            stage.setUserData(null);
        });
        // Closing the last window quits the app, which would interrupt a destroy or stop half-way: it waits for it instead.
        CloseGuards.install(stage, new CloseGuard(controller.actions()), null);
        stage.show();
        controller.startRefreshing();
    }

    /** The controller, once shown (tests drive it). */
    MonitorController controller() {
        return controller;
    }
}
