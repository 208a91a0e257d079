package dev.hangar.provision;

import dev.hangar.blueprint.StepFailedException;

/** The user cancelled the launch; what was created is rolled back. */
public final class LaunchCancelledException extends StepFailedException {

    public LaunchCancelledException() {
        super("cancelled");
    }
}
