package dev.hangar.ui.wizard;

import dev.hangar.ui.Views;
import dev.hangar.ui.Views.View;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;
import javafx.util.Callback;

/** Loads each step's view the first time it is shown and keeps it, so a step keeps its state when you come back. */
final class StepViews {

    private final Map<WizardStep, View<StepController>> loaded = new EnumMap<>(WizardStep.class);
    private final Callback<Class<?>, Object> controllers;
    private final WizardServices services;

    StepViews(WizardState state, WizardServices services) {
        this.services = services;
        Map<Class<?>, BiFunction<WizardState, WizardServices, Object>> known = Map.of(
                AccountStepController.class, AccountStepController::new,
                RegionStepController.class, RegionStepController::new,
                InstanceTypeStepController.class, InstanceTypeStepController::new,
                AmiStepController.class, AmiStepController::new,
                AccessStepController.class, AccessStepController::new,
                DataStepController.class, DataStepController::new,
                OptionsStepController.class, OptionsStepController::new,
                ReviewStepController.class, ReviewStepController::new,
                LaunchStepController.class, LaunchStepController::new,
                DoneStepController.class, DoneStepController::new);
        this.controllers = type -> {
            var make = known.get(type);
            if (make == null) {
                throw new IllegalArgumentException("no controller " + type.getName() + " in the wizard");
            }
            return make.apply(state, services);
        };
    }

    /** What the steps were given; the frame opens the monitor with it. */
    WizardServices services() {
        return services;
    }

    View<StepController> get(WizardStep step) {
        return loaded.computeIfAbsent(step, s -> Views.loadView(StepViews.class, s.fxmlName() + ".fxml", controllers));
    }
}
