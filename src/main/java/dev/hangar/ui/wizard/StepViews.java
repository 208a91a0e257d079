package dev.hangar.ui.wizard;

import dev.hangar.ui.Views;
import dev.hangar.ui.Views.View;
import java.util.EnumMap;
import java.util.Map;
import javafx.util.Callback;

/** Loads each step's view the first time it is shown and keeps it, so a step keeps its state when you come back. */
final class StepViews {

    private final Map<WizardStep, View<StepController>> loaded = new EnumMap<>(WizardStep.class);
    private final Callback<Class<?>, Object> controllers;

    /** @param launch the launch as shown, shared with the window (its close request cancels the launch) */
    StepViews(WizardState state, LaunchViewModel launch, WizardServices services) {
        this.controllers = type -> create(type, state, launch, services);
    }

    /** Compared class by class, not looked up in a map of constructors: that map loaded every controller before the first frame. */
    private static Object create(Class<?> type, WizardState state, LaunchViewModel launch, WizardServices services) {
        if (type == AccountStepController.class) {
            return new AccountStepController(state.session(), state.regionProperty(), state.processingProperty(), services);
        } else if (type == RegionStepController.class) {
            return new RegionStepController(state.session(), state.regionProperty(), state.problems(), state.processingProperty(), services);
        } else if (type == InstanceTypeStepController.class) {
            return new InstanceTypeStepController(context(state), state.instanceType, state.offer, state.market, services);
        } else if (type == AmiStepController.class) {
            return new AmiStepController(context(state), state.amiId, state.instanceType, state.offer, state.images, services);
        } else if (type == AccessStepController.class) {
            return new AccessStepController(context(state), new AccessStepController.Fields(state.access, state.keyPair, state.createKeyPair,
                    state.sshCidr, state.allowSshFromAnywhere), new AccessStepController.Network(state.network, state.associatePublicIp,
                    state.subnetId), services);
        } else if (type == DataStepController.class) {
            return new DataStepController(context(state), new DataStepController.Fields(state.dataBucket, state.dataPrefix, state.bucketAccess,
                    state.dataVolumeGiB, state.rootVolumeGiB, state.deleteDataVolumeOnTermination), services);
        } else if (type == OptionsStepController.class) {
            return new OptionsStepController(state.problems(), new OptionsStepController.Fields(state.name, state.tenancy, state.market,
                    state.idleStopMinutes, state.egress, state.tags, state.offer, state.cluster));
        } else if (type == RunStepController.class) {
            return new RunStepController(state.problems(), state.run, state.dataPrefix, FolderChooser.system());
        } else if (type == ReviewStepController.class) {
            return new ReviewStepController(state.session(), state, state.reviewProperty(), state.processingProperty(), state.images,
                    services);
        } else if (type == LaunchStepController.class) {
            return new LaunchStepController(state.session(), state.specBinding(), state.outcomeProperty(), launch, services,
                    () -> state.currentStepProperty().set(WizardStep.DONE));
        } else if (type == DoneStepController.class) {
            return new DoneStepController(state.outcomeProperty(), state.specBinding(), services, services.monitor(state), () -> {
                launch.clear();
                state.startAnother();
            });
        }
        throw new IllegalArgumentException("no controller " + type.getName() + " in the wizard");
    }

    private static StepContext context(WizardState state) {
        return new StepContext(state.session(), state.regionProperty(), state.problems(), state.processingProperty());
    }

    /** The controllers of the steps shown so far. */
    java.util.Collection<StepController> loaded() {
        return loaded.values().stream().map(View::controller).toList();
    }

    boolean isLoaded(WizardStep step) {
        return loaded.containsKey(step);
    }

    View<StepController> get(WizardStep step) {
        return loaded.computeIfAbsent(step, s -> Views.loadView(StepViews.class, s.fxmlName() + ".fxml", controllers));
    }
}
