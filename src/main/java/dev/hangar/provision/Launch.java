package dev.hangar.provision;

import dev.hangar.journal.LaunchJournal;
import dev.hangar.journal.LaunchState;
import java.util.List;

/** One launch, prepared and not yet run: its ID and plan are known, nothing exists in AWS yet. */
public final class Launch {

    private final LaunchContext ctx;
    private final LaunchPlan plan;
    private final PlanExecutor executor;
    private final ResourceRemover remover;

    Launch(LaunchContext ctx, LaunchPlan plan, PlanExecutor executor, ResourceRemover remover) {
        this.ctx = ctx;
        this.plan = plan;
        this.executor = executor;
        this.remover = remover;
    }

    public String launchId() {
        return ctx.names().launchId();
    }

    public LaunchPlan plan() {
        return plan;
    }

    /** Stops starting new steps and rolls back; safe from any thread. */
    public void cancel() {
        ctx.cancel();
    }

    /** Runs every step; on a failure or a cancel, removes everything created and says so. */
    public LaunchOutcome run() throws InterruptedException {
        LaunchJournal journal = ctx.journal();
        PlanExecutor.Result result = executor.run(plan, ctx);
        if (result.succeeded()) {
            String message = "Launched " + ctx.instanceId() + " in " + ctx.availabilityZone();
            journal.state(LaunchState.SUCCEEDED, message);
            ctx.emit(new LaunchEvent.Finished(LaunchState.SUCCEEDED, message));
            return outcome(LaunchState.SUCCEEDED, message, null);
        }
        String reason = result.failedStep().equals(PlanExecutor.CANCELLED) ? "cancelled" : result.failedStep() + " failed: " + result.message();
        journal.state(LaunchState.ROLLING_BACK, reason);
        ctx.emit(new LaunchEvent.RollbackStarted(reason));
        List<String> left = new Teardown(remover, journal, ctx::emit).removeAll(false);
        LaunchState end = left.isEmpty() ? LaunchState.ROLLED_BACK : LaunchState.ROLLBACK_INCOMPLETE;
        boolean createdAny = !journal.snapshot().resources().isEmpty();
        String message = left.isEmpty()
                ? "Launch " + launchId() + " " + reason + (createdAny ? "; everything it created was removed." : "; nothing was created.")
                : "Launch " + launchId() + " " + reason + "; rollback could not remove: " + String.join("; ", left)
                        + ". Run 'destroy --launch " + launchId() + "' to try again.";
        journal.state(end, message);
        ctx.emit(new LaunchEvent.Finished(end, message));
        return outcome(end, message, result.failedStep());
    }

    private LaunchOutcome outcome(LaunchState state, String message, String failedStep) {
        return new LaunchOutcome(launchId(), ctx.spec().region(), state, message, failedStep, ctx.journal().snapshot().outputs());
    }
}
