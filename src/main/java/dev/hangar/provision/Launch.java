package dev.hangar.provision;

import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchBusyException;
import dev.hangar.journal.LaunchJournal;
import dev.hangar.journal.LaunchLock;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.LaunchState;
import java.util.List;
import java.util.Set;

/** One launch, prepared and not yet run: its ID and plan are known, nothing exists in AWS yet. */
public final class Launch {

    private final LaunchContext ctx;
    private final LaunchPlan plan;
    private final PlanExecutor executor;
    private final ResourceRemover remover;
    private final NetworkUsers networkUsers;
    private final JournalStore store;
    /** For a resumed launch, the steps its journal shows done (their findings restored); empty for a new one. */
    private final Set<String> alreadyDone;
    private final boolean resumed;

    Launch(LaunchContext ctx, LaunchPlan plan, PlanExecutor executor, ResourceRemover remover, NetworkUsers networkUsers, JournalStore store,
            Set<String> alreadyDone, boolean resumed) {
        this.ctx = ctx;
        this.plan = plan;
        this.executor = executor;
        this.remover = remover;
        this.networkUsers = networkUsers;
        this.store = store;
        this.alreadyDone = Set.copyOf(alreadyDone);
        this.resumed = resumed;
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

    /** Whether this continues an interrupted launch. */
    public boolean resumed() {
        return resumed;
    }

    /** The steps a resumed launch does not run again; empty for a new launch. */
    public Set<String> alreadyDone() {
        return alreadyDone;
    }

    /**
     * Runs every step (a resumed launch: every step its journal does not show done); on a failure or a
     * cancel, removes everything created and says so. Holds the launch's lock meanwhile.
     *
     * @throws LaunchBusyException when another process is running this launch (a resume while the first run lives)
     */
    public LaunchOutcome run() throws InterruptedException {
        try (LaunchLock lock = store.lock(launchId())) {
            if (resumed) {
                // Read before the lock was ours: another run may have moved the journal on since (finished it, or got further and died).
                LaunchRecord now = store.load(launchId()).orElse(null);
                if (now == null || now.state() != LaunchState.LAUNCHING) {
                    throw new IllegalStateException("launch " + launchId() + " is " + (now == null ? "gone" : now.state()) + " now; there is nothing to resume");
                }
                if (!now.updatedAt().equals(ctx.journal().snapshot().updatedAt())) {
                    throw new IllegalStateException("the journal of launch " + launchId() + " changed while resuming was prepared; run resume again");
                }
            }
            return runLocked();
        }
    }

    private LaunchOutcome runLocked() throws InterruptedException {
        LaunchJournal journal = ctx.journal();
        if (resumed) {
            journal.state(LaunchState.LAUNCHING, "resumed; " + alreadyDone.size() + " of " + plan.steps().size() + " steps were done before");
            for (Step step : plan.steps()) {
                if (alreadyDone.contains(step.id())) {
                    ctx.emit(new LaunchEvent.StepSucceeded(step.id(), step.title(), "done before the interruption"));
                }
            }
        }
        PlanExecutor.Result result = executor.run(plan, ctx, alreadyDone);
        if (result instanceof PlanExecutor.Result.Completed) {
            LaunchFacts.PlacedInstance instance = ctx.facts().get(LaunchFacts.INSTANCE);
            String online = journal.snapshot().output("sessionManager");
            String message = "Launched " + instance.instanceId() + " in " + instance.availabilityZone()
                    + (online == null || online.equals("online") ? "" : "; Session Manager: " + online);
            journal.state(LaunchState.SUCCEEDED, message);
            ctx.emit(new LaunchEvent.Finished(LaunchState.SUCCEEDED, message));
            return new LaunchOutcome.Launched(launchId(), region(), message, outputs());
        }
        String reason = result instanceof PlanExecutor.Result.Failed failed ? failed.step() + " failed: " + failed.message() : "cancelled";
        journal.state(LaunchState.ROLLING_BACK, reason);
        ctx.emit(new LaunchEvent.RollbackStarted(reason));
        List<String> left = new Teardown(remover, journal, ctx::emit, networkUsers).removeAll(false);
        LaunchState end = left.isEmpty() ? LaunchState.ROLLED_BACK : LaunchState.ROLLBACK_INCOMPLETE;
        boolean createdAny = !journal.snapshot().resources().isEmpty();
        boolean networkKept = journal.snapshot().resources().stream()
                .anyMatch(r -> r.state().equals(dev.hangar.journal.ResourceRecord.KEPT) && NetworkPartRemover.isNetwork(r.type()));
        String message = left.isEmpty()
                ? "Launch " + launchId() + " " + reason + (!createdAny ? "; nothing was created."
                        : networkKept ? "; everything it created was removed but the parts of Hangar's network that others use now."
                        : "; everything it created was removed.")
                : "Launch " + launchId() + " " + reason + "; rollback could not remove: " + String.join("; ", left)
                        + ". Run 'destroy --launch " + launchId() + "' to try again.";
        journal.state(end, message);
        ctx.emit(new LaunchEvent.Finished(end, message));
        if (!left.isEmpty()) {
            return new LaunchOutcome.RollbackIncomplete(launchId(), region(), message, outputs(), result.failedStep(), left);
        }
        return result instanceof PlanExecutor.Result.Failed failed
                ? new LaunchOutcome.RolledBack(launchId(), region(), message, outputs(), failed.step(), failed.message())
                : new LaunchOutcome.Cancelled(launchId(), region(), message, outputs());
    }

    private String region() {
        return ctx.blueprint().region();
    }

    private java.util.Map<String, String> outputs() {
        return ctx.journal().snapshot().outputs();
    }
}
