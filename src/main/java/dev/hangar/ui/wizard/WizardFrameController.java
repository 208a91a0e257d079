package dev.hangar.ui.wizard;

import dev.hangar.auth.AwsSession;
import dev.hangar.auth.CredentialsStatus;
import dev.hangar.auth.IdentityCenterCredentials;
import dev.hangar.ui.Theme;
import dev.hangar.ui.auth.SignInDialog;
import dev.hangar.ui.auth.SignInRequest;
import dev.hangar.ui.monitor.MonitorServices;
import dev.hangar.ui.monitor.MonitorWindow;
import dev.hangar.ui.session.SessionModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The frame around every step: the step list, the account banner (with, for IAM Identity Center, the time left
 * on the role credentials and "Sign in again"), the step's header and content, Back and Next.
 */
public final class WizardFrameController {

    /** Below this, the countdown stands out. */
    private static final Duration ENDING_SOON = Duration.ofMinutes(5);
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass REACHABLE = PseudoClass.getPseudoClass("reachable");
    /**
     * How long a step is left to settle, once it has loaded what it shows, before the next one is built: short, since
     * a person who clicks Next soon after should still find the next view built.
     */
    private static final javafx.util.Duration PRELOAD_AFTER = javafx.util.Duration.millis(50);
    /** Between building a view and styling it: a frame, so that the two are two short pauses rather than one long. */
    private static final javafx.util.Duration ONE_FRAME = javafx.util.Duration.millis(20);

    private final ObjectProperty<WizardStep> currentStep;
    private final BooleanProperty processing;
    private final SessionModel session;
    private final WizardServices services;
    private final MonitorServices monitor;
    private final StepViews views;
    private final ObjectProperty<Theme> theme;
    private final Timeline countdown = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> tick()));
    private final Map<WizardStep, Label> stepLabels = new EnumMap<>(WizardStep.class);
    /** Builds the next step's view once this one has settled: see {@link #preloadNext}. */
    private final PauseTransition preload = new PauseTransition(PRELOAD_AFTER);

    /** The furthest step shown since the wizard (or "Launch another") started: the sidebar goes back to any up to it. */
    private WizardStep furthest = WizardStep.ACCOUNT;

    /** The steps down the side, the current one marked; the visited ones can be clicked to return to. */
    @FXML private VBox stepList;
    @FXML private HBox accountBanner;
    @FXML private Label bannerText;
    @FXML private Label sessionCountdown;
    @FXML private Button signInAgainButton;
    @FXML private Label stepTitle;
    @FXML private Label stepSubtitle;
    @FXML private StackPane content;
    @FXML private Button backButton;
    @FXML private Button nextButton;
    @FXML private ToggleButton themeToggle;

    /**
     * @param currentStep the step shown; Back and Next move it
     * @param processing  the wizard's busy flag, which greys out Next
     * @param session     the app's session, shown in the banner and renewed from it
     * @param monitor     what the monitor opened from here works with
     */
    WizardFrameController(ObjectProperty<WizardStep> currentStep, BooleanProperty processing, SessionModel session, StepViews views,
            WizardServices services, MonitorServices monitor, ObjectProperty<Theme> theme) {
        this.currentStep = currentStep;
        this.processing = processing;
        this.session = session;
        this.services = services;
        this.monitor = monitor;
        this.views = views;
        this.theme = theme;
    }

    @FXML
    private void initialize() {
        // The list shows where you are; a click goes to a step already visited, checked as Back and Next check.
        for (WizardStep step : WizardStep.values()) {
            Label label = new Label((step.ordinal() + 1) + "   " + step.title());
            label.getStyleClass().add("step");
            label.setOnMouseEntered(e -> label.pseudoClassStateChanged(REACHABLE, canJumpTo(step)));
            label.setOnMouseClicked(e -> jumpTo(step));
            stepLabels.put(step, label);
            stepList.getChildren().add(label);
        }
        themeToggle.setSelected(theme.get() == Theme.DARK);
        themeToggle.selectedProperty().addListener((obs, was, dark) -> theme.set(dark ? Theme.DARK : Theme.LIGHT));
        bindBanner();
        bindCountdown();
        currentStep.addListener((obs, old, step) -> {
            if (old == WizardStep.DONE) {
                furthest = step; // Launch another: a new spec, so the steps after this one are to be visited again
                views.loaded().forEach(c -> c.fieldMessages().ifPresent(TouchedFields::reset)); // and none of its fields touched
            }
            show(step);
        });
        show(currentStep.get());
    }

    /** Moves on when the step can; a form step that cannot shows what is missing instead. */
    @FXML
    void next() {
        if (nextButton.isDisabled()) {
            return;
        }
        StepController controller = views.get(currentStep.get()).controller();
        if (controller.canProceed().get()) {
            currentStep.set(currentStep.get().next());
        } else {
            controller.fieldMessages().ifPresent(TouchedFields::nextPressed);
        }
    }

    @FXML
    void back() {
        if (!backButton.isDisabled()) {
            currentStep.set(currentStep.get().previous());
        }
    }

    /** Goes to a visited step by the sidebar, if {@link #canJumpTo} allows; otherwise nothing happens. */
    void jumpTo(WizardStep target) {
        if (canJumpTo(target)) {
            currentStep.set(target);
        }
    }

    /**
     * A visited step before Launch, while nothing is loading: back when the current step lets Back leave it (not during
     * a launch, never from Done), forward only over steps whose input is complete, as pressing Next on each would.
     * Launch starts only from Review's button, and Done is reached only by a launch.
     */
    boolean canJumpTo(WizardStep target) {
        WizardStep now = currentStep.get();
        if (target == now || now == WizardStep.DONE || target.compareTo(WizardStep.LAUNCH) >= 0 || target.compareTo(furthest) > 0
                || processing.get()) {
            return false;
        }
        if (target.compareTo(now) < 0) {
            return views.get(now).controller().canGoBack().get();
        }
        for (WizardStep s = now; s.compareTo(target) < 0; s = s.next()) {
            if (!views.get(s).controller().canProceed().get()) {
                return false;
            }
        }
        return true;
    }

    /** Signs the IAM Identity Center session in again, in place: the wizard's state and a running launch stay. */
    @FXML
    void signInAgain() {
        session.identityCenter().filter(ic -> services.signIn().available()).ifPresent(ic -> SignInDialog.open(
                stepList.getScene().getWindow(), ic.center(), services.executor(), services.signIn(), SignInRequest.again(ic),
                result -> session.swapCredentials(result.credentials()), () -> { }));
    }

    /** Every launch's state, charts, cost and actions, in a window of its own. */
    @FXML
    void openMonitor() {
        MonitorWindow.open(stepList.getScene().getWindow(), monitor, null);
    }

    private void show(WizardStep step) {
        if (step.compareTo(furthest) > 0) {
            furthest = step;
        }
        var view = views.get(step);
        StepController controller = view.controller();
        stepLabels.forEach((each, label) -> {
            label.pseudoClassStateChanged(SELECTED, each == step);
            label.setAccessibleText(each == step ? label.getText() + ", current step" : null);
        });
        stepTitle.setText(step.title());
        stepSubtitle.setText(step.subtitle());
        content.getChildren().setAll(view.root());
        nextButton.setText(step == WizardStep.REVIEW ? "Launch" : "Next");
        nextButton.disableProperty().unbind();
        // A form step keeps Next pressable: pressed too early, it says what is missing rather than stay silently grey.
        BooleanExpression blocked = controller.fieldMessages().isPresent() ? new ReadOnlyBooleanWrapper(false) : controller.canProceed().not();
        nextButton.disableProperty().bind(processing.or(blocked).or(Bindings.createBooleanBinding(step::isLast)));
        backButton.disableProperty().unbind();
        backButton.disableProperty().bind(controller.canGoBack().not().or(Bindings.createBooleanBinding(step::isFirst)));
        controller.entered();
        preload.stop();
        if (step.compareTo(WizardStep.LAUNCH) < 0) {
            preload.setOnFinished(e -> preloadNext(step.next()));
            preload.playFromStart();
        }
    }

    /**
     * Builds the next step's view while this one is idle, so that Next only swaps it in: loading a step's FXML, creating
     * its controls' skins and styling them the first time took 100–200 ms, a visible pause on every Next. In parts a
     * frame apart (building, styling, then the step's own {@link StepController#rehearsal()}), each shorter than a
     * frame drop anyone notices; again later while the wizard is busy loading.
     */
    private void preloadNext(WizardStep next) {
        if (views.isLoaded(next)) {
            return;
        }
        if (processing.get()) {
            // The step is loading: its rows fill the table when it ends, and the view waits until they have settled.
            processing.addListener(new javafx.beans.value.ChangeListener<Boolean>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean busy) {
                    if (!busy) {
                        obs.removeListener(this);
                        preload.playFromStart();
                    }
                }
            });
            return;
        }
        var view = views.get(next);
        List<Runnable> parts = new ArrayList<>();
        parts.add(() -> { }); // skins and styles it
        parts.addAll(view.controller().rehearsal());
        inLaterFrames(view.root(), parts.iterator());
    }

    /** Each part in its own later frame, with the view hidden in the scene: see {@link StepController#rehearsal()}. */
    private void inLaterFrames(javafx.scene.Parent root, Iterator<Runnable> parts) {
        if (parts.hasNext()) {
            Runnable part = parts.next();
            inLaterFrame(() -> {
                if (hiddenInScene(root, part)) {
                    inLaterFrames(root, parts);
                }
            });
        }
    }

    private static void inLaterFrame(Runnable work) {
        PauseTransition pause = new PauseTransition(ONE_FRAME);
        pause.setOnFinished(e -> work.run());
        pause.play();
    }

    /**
     * Puts a built view in the scene for a moment, hidden, does {@code work}, skins, styles and lays it out, then takes
     * it out again; false, doing nothing, once the view is shown.
     */
    private boolean hiddenInScene(javafx.scene.Parent root, Runnable work) {
        if (root.getParent() != null) {
            return false;
        }
        root.setVisible(false);
        content.getChildren().add(root);
        work.run();
        root.applyCss();
        root.resize(content.getWidth(), content.getHeight());
        root.layout();
        content.getChildren().remove(root);
        root.setVisible(true);
        return true;
    }

    private void bindBanner() {
        accountBanner.visibleProperty().bind(currentStep.isNotEqualTo(WizardStep.ACCOUNT));
        accountBanner.managedProperty().bind(accountBanner.visibleProperty());
        bannerText.textProperty().bind(Bindings.createStringBinding(this::bannerLine, session.sessionProperty(),
                session.planOnlyReasonProperty(), session.settingsProperty()));
        session.sessionProperty().addListener((obs, old, now) -> {
            accountBanner.getStyleClass().removeAll("banner-plan-only");
            if (now == null) {
                accountBanner.getStyleClass().add("banner-plan-only");
            }
        });
        if (session.sessionProperty().get() == null) {
            accountBanner.getStyleClass().add("banner-plan-only");
        }
    }

    /** Ticks once a second while the window shows. */
    private void bindCountdown() {
        countdown.setCycleCount(Animation.INDEFINITE);
        accountBanner.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false)
                .addListener((obs, was, showing) -> {
                    if (showing) {
                        countdown.play();
                    } else {
                        countdown.stop();
                    }
                });
        session.sessionProperty().addListener((obs, old, now) -> tick());
        tick();
    }

    private void tick() {
        Optional<IdentityCenterCredentials> sso = session.identityCenter();
        setShown(sessionCountdown, sso.isPresent());
        if (sso.isEmpty()) {
            setShown(signInAgainButton, false);
            return;
        }
        CredentialsStatus status = sso.get().status();
        sessionCountdown.setText(status.signInRequired() ? "IAM Identity Center sign-in ended" : "IAM Identity Center · " + status.describe());
        boolean ending = status.signInRequired() || status.timeLeft().map(d -> d.compareTo(ENDING_SOON) < 0).orElse(false);
        sessionCountdown.getStyleClass().remove("session-ending");
        if (ending) {
            sessionCountdown.getStyleClass().add("session-ending");
        }
        setShown(signInAgainButton, status.signInRequired());
        session.renewCredentialsIfDue(services.executor());
    }

    private static void setShown(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private String bannerLine() {
        AwsSession current = session.sessionProperty().get();
        String endpoint = session.settingsProperty().get().endpoint().map(u -> "   ·   endpoint " + u).orElse("");
        if (current == null) {
            String reason = session.planOnlyReasonProperty().get();
            return "Plan-only mode — nothing can be launched" + (reason == null ? "" : ": " + reason);
        }
        return "Account " + current.accountId() + "   ·   " + current.callerArn() + endpoint;
    }

}
