package dev.hangar.provision;

import dev.hangar.aws.AwsClients;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchJournal;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.LaunchState;
import dev.hangar.provision.steps.PlanFactory;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.SpecValidator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The engine's front door: prepares and runs launches, destroys them. Knows nothing of any UI. */
public final class Launcher {

    /** Enough for the widest rank of the plan (IAM policies, profile, group, key pair side by side). */
    private static final int STEP_THREADS = 6;

    private final AwsClients aws;
    private final JournalStore journal;
    private final Path home;
    private final Pacing pacing;
    private final Clock clock;

    public Launcher(AwsClients aws, JournalStore journal, Path home, Pacing pacing, Clock clock) {
        this.aws = aws;
        this.journal = journal;
        this.home = home;
        this.pacing = pacing;
        this.clock = clock;
    }

    /**
     * Validates the spec and plans the launch; makes no AWS call and writes nothing.
     *
     * @throws dev.hangar.spec.InvalidSpecException naming every invalid field
     */
    public static LaunchPlan plan(LaunchSpec spec) {
        new SpecValidator().requireValid(spec);
        return PlanFactory.plan(spec, LaunchNames.fresh(spec.name()));
    }

    /** A launch ready to run; the journal is written before its first AWS call. */
    public Launch prepare(LaunchSpec spec, LaunchListener listener) {
        new SpecValidator().requireValid(spec);
        LaunchNames names = LaunchNames.fresh(spec.name());
        while (journal.exists(names.launchId())) {
            names = LaunchNames.fresh(spec.name());
        }
        LaunchPlan plan = PlanFactory.plan(spec, names);
        LaunchJournal record = LaunchJournal.begin(journal, clock, names.launchId(), spec, plan.stepIds());
        LaunchContext ctx = new LaunchContext(spec, names, aws, record, listener, home, pacing);
        return new Launch(ctx, plan, new PlanExecutor(STEP_THREADS), remover(spec.region(), names.launchId(), ctx.waits()));
    }

    /** Removes everything the launch created, keeping the data volume (detached) if asked. */
    public LaunchOutcome destroy(LaunchRecord record, boolean keepDataVolume, LaunchListener listener) {
        LaunchJournal live = LaunchJournal.reopen(journal, clock, record);
        live.state(LaunchState.DESTROYING, "destroy requested");
        ResourceRemover remover = remover(record.spec().region(), record.launchId(), new Waits(pacing, new java.util.concurrent.atomic.AtomicBoolean()));
        List<String> left = new Teardown(remover, live, listener).removeAll(keepDataVolume);
        LaunchState end = left.isEmpty() ? LaunchState.DESTROYED : LaunchState.DESTROY_INCOMPLETE;
        String message = left.isEmpty()
                ? "Destroyed launch " + record.launchId() + (keepDataVolume ? "; the data volume was kept" : "")
                : "Destroy of " + record.launchId() + " could not remove: " + String.join("; ", left) + ". Run destroy again to retry.";
        live.state(end, message);
        listener.on(new LaunchEvent.Finished(end, message));
        return new LaunchOutcome(record.launchId(), record.spec().region(), end, message, null, live.snapshot().outputs());
    }

    private ResourceRemover remover(String region, String launchId, Waits waits) {
        return new ResourceRemover(aws, region, launchId, waits);
    }
}
