package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;

/** A terminate by mistake (or a spot interruption) should not take the datasets and checkpoints with it. */
public final class DataVolumeKeptRule extends BaseRule {

    public DataVolumeKeptRule() {
        super("data-volume-kept", "The data volume outlives the instance",
                "The data volume holds datasets and checkpoints. Keeping it when the instance terminates means a mistaken "
                        + "terminate, or a spot interruption, does not destroy the work.",
                Severity.LOW);
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        if (blueprint.dataVolume().deleteOnTermination()) {
            return warn("Terminating the instance deletes the data volume",
                    "deleteDataVolumeOnTermination is true: terminating the instance deletes the data volume.", Fixes.KEEP_DATA_VOLUME);
        }
        return pass("The data volume is kept when the instance terminates",
                "The data volume is kept when the instance terminates; 'hangar destroy' deletes it unless "
                + "--keep-data-volume is given.");
    }
}
