package dev.hangar.ui.wizard;

import dev.hangar.engine.EngineServices;
import dev.hangar.provision.Pacing;
import dev.hangar.ui.Theme;
import dev.hangar.ui.concurrent.FxTaskExecutor;
import dev.hangar.ui.session.SessionModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * Builds the wizard's frame and every step's view once, on a headless screen (Monocle's), styled and laid out in both
 * themes, for the run that records the app's class-data archive: the archive then also holds what building them
 * created (the JavaFX skins' and our controllers' lambdas, FXML's reflection, and each step's {@link
 * StepController#rehearsal()}), which a run that only loads classes
 * never creates. Each costs a fraction of a millisecond to make at run time, and a step change made hundreds.
 *
 * <p>Nothing leaves the machine: the executor holds every background task the views start (the Account step signs in
 * on entry) and never runs them, and no other step is entered.
 */
public final class ViewRehearsal {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private ViewRehearsal() {
    }

    /**
     * Starts JavaFX on Monocle's headless screen (or uses the toolkit already running) and builds the views. The toolkit
     * is left running: the process that asked ends with {@code System.exit} (the archive is written then), and a toolkit
     * once exited cannot start again in the same JVM (a test's).
     *
     * @return how many views were built; 0 where there is no headless screen (Monocle is not on the class path)
     */
    public static int run(Path scratch) throws InterruptedException {
        try {
            Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory", false, ViewRehearsal.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return 0;
        }
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger built = new java.util.concurrent.atomic.AtomicInteger();
        Runnable build = () -> {
            try {
                built.set(buildEveryView(scratch));
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                done.countDown();
            }
        };
        if (System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        try {
            Platform.startup(build);
        } catch (IllegalStateException alreadyRunning) {
            Platform.runLater(build);
        }
        boolean finished = done.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (failure.get() != null) {
            throw failure.get();
        }
        if (!finished) {
            throw new IllegalStateException("building the views took longer than " + TIMEOUT);
        }
        return built.get();
    }

    private static int buildEveryView(Path scratch) {
        Idle idle = Idle.in(scratch);
        Scene scene = new Scene(new Region(), WizardWindow.WIDTH, WizardWindow.HEIGHT);
        int built = 0;
        for (Theme theme : Theme.values()) {
            theme.applyTo(scene);
            show(scene, new WizardWindow(idle.state(), idle.services()).createRoot());
            for (WizardStep step : WizardStep.values()) {
                var view = idle.steps().get(step);
                show(scene, view.root());
                for (Runnable part : view.controller().rehearsal()) {
                    part.run();
                    show(scene, view.root());
                }
                built++;
            }
        }
        return built;
    }

    /** The wizard's state, services and step views, on an executor that holds every task the views start and never runs it. */
    record Idle(WizardState state, WizardServices services, StepViews steps) {

        static Idle in(Path scratch) {
            FxTaskExecutor executor = new FxTaskExecutor();
            executor.hold(); // and never released
            WizardState state = new WizardState(new SessionModel());
            WizardServices services = WizardServices.forUser(executor, new EngineServices(scratch, Pacing.aws(), Clock.systemUTC()),
                    scratch.resolve("ssh-config"), url -> { });
            return new Idle(state, services, new StepViews(state, new LaunchViewModel(), services));
        }
    }

    private static void show(Scene scene, Parent view) {
        scene.setRoot(new StackPane(view));
        scene.getRoot().applyCss();
        scene.getRoot().resize(WizardWindow.WIDTH, WizardWindow.HEIGHT);
        scene.getRoot().layout();
    }
}
