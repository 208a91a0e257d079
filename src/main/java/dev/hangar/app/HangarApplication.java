package dev.hangar.app;

import dev.hangar.aws.AwsSettings;
import dev.hangar.engine.EngineServices;
import dev.hangar.journal.JournalStore;
import dev.hangar.provision.Pacing;
import dev.hangar.ui.FirstFrame;
import dev.hangar.ui.concurrent.FxTaskExecutor;
import dev.hangar.ui.session.SessionModel;
import dev.hangar.ui.wizard.WizardServices;
import dev.hangar.ui.wizard.WizardState;
import dev.hangar.ui.wizard.WizardWindow;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: the composition root of the desktop app, where everything is wired by constructor. */
public final class HangarApplication extends Application {

    private FxTaskExecutor executor;
    private SessionModel session;

    @Override
    public void start(Stage stage) {
        Map<String, String> env = System.getenv();
        Path home = JournalStore.home(null, env);
        executor = new FxTaskExecutor();
        // Background work (signing in, the window's icons) starts once the first frame is drawn: on a cold start
        // it competes with the FX thread for the few cores there are, and the window appears later.
        executor.hold();
        session = new SessionModel();
        session.settingsProperty().set(settings(env));
        WizardState state = new WizardState(session);
        String region = env.getOrDefault("AWS_REGION", env.get("AWS_DEFAULT_REGION"));
        if (region != null && !region.isBlank()) {
            state.regionProperty().set(region);
        }
        EngineServices engine = new EngineServices(home, Pacing.aws(), Clock.systemUTC());
        WizardServices services = WizardServices.forUser(executor, engine, Path.of(System.getProperty("user.home"), ".ssh", "config"),
                getHostServices()::showDocument);
        new WizardWindow(state, services).showIn(stage);
        FirstFrame.then(stage, executor::release);
        StartupProbe.arm(stage);
    }

    @Override
    public void stop() {
        if (session != null) {
            session.close();
        }
        if (executor != null) {
            executor.close();
        }
    }

    /** AWS_PROFILE and AWS_ENDPOINT_URL prefill the Account step; a malformed URL is left for the user to fix there. */
    private static AwsSettings settings(Map<String, String> env) {
        try {
            return AwsSettings.of(null, null, env);
        } catch (IllegalArgumentException e) {
            return AwsSettings.of(null, null, Map.of("AWS_PROFILE", env.getOrDefault("AWS_PROFILE", "")));
        }
    }
}
