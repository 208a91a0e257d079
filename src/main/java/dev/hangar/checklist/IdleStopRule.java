package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.spec.LaunchSpec;

/** A forgotten GPU machine is the most common and most expensive mistake. */
public final class IdleStopRule extends BaseRule {

    public IdleStopRule() {
        super("idle-stop-on", "An idle instance stops itself",
                "GPU instances cost from under $1 to tens of dollars an hour and keep billing after a job has finished. The idle-stop "
                        + "alarm stops the machine when its CPU stays under 5 % for the set time; its disks are kept.",
                Severity.MEDIUM);
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        LaunchSpec spec = blueprint.spec();
        if (blueprint.idleAlarm() == null) {
            return warn("Idle stop is off: the instance bills until someone stops it",
                    "Idle stop is off (idleStopMinutes is 0): the instance runs and bills until someone stops it.", Fixes.IDLE_STOP);
        }
        long percent = Math.round(blueprint.idleAlarm().threshold());
        return pass("The instance stops itself after " + spec.idleStopMinutes() + " idle minutes",
                "The instance stops after " + spec.idleStopMinutes() + " minutes with CPU and every GPU under " + percent
                + " % (the busiest GPU counts, so one busy GPU keeps it up). If its GPUs report no metrics (no NVIDIA agent), "
                + "it stops after " + blueprint.noGpuDataAlarm().minutes() + " minutes of CPU under " + percent + " %.");
    }
}
