package dev.hangar.provision;

import dev.hangar.blueprint.LaunchNames;
import dev.hangar.aws.AwsClients;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchBusyException;
import dev.hangar.journal.LaunchJournal;
import dev.hangar.journal.LaunchLock;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.LaunchState;
import dev.hangar.journal.StepRecord;
import dev.hangar.journal.StepState;
import dev.hangar.provision.steps.PlanFactory;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.blueprint.Blueprint;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/** The engine's front door: prepares and runs launches, destroys them. Knows nothing of any UI. */
public final class Launcher {

    /** The journal output that keeps the launching caller's ARN, for the resources' created-by tag. */
    public static final String CREATED_BY = "createdBy";

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
     * Validates the spec (and a local {@code run.code} folder) and plans the launch; makes no AWS call and writes nothing.
     *
     * @throws dev.hangar.spec.InvalidSpecException naming every invalid field
     */
    public static LaunchPlan plan(LaunchSpec spec) {
        LaunchPlan plan = plan(Blueprint.of(spec, LaunchNames.fresh(spec.name()).launchId()));
        CodeFolder.check(spec);
        return plan;
    }

    /** The plan that executes this blueprint; makes no AWS call. */
    public static LaunchPlan plan(Blueprint blueprint) {
        return PlanFactory.plan(blueprint);
    }

    /**
     * A launch ready to run; the journal is written before its first AWS call. A relative local {@code run.code} is
     * taken from the working folder (the command line has made it absolute against the spec file's folder already).
     *
     * @throws dev.hangar.spec.InvalidSpecException before any AWS call, naming every invalid field
     */
    public Launch prepare(LaunchSpec given, LaunchListener listener) {
        LaunchSpec spec = CodeFolder.resolve(given, Path.of(""));
        new dev.hangar.spec.SpecValidator().requireValid(spec);
        CodeFolder.check(spec);
        LaunchNames names = LaunchNames.fresh(spec.name());
        while (journal.exists(names.launchId())) {
            names = LaunchNames.fresh(spec.name());
        }
        String createdBy = aws.sts(spec.region()).getCallerIdentity().arn();
        Blueprint blueprint = Blueprint.forLaunch(spec, names.launchId(), createdBy);
        LaunchPlan plan = PlanFactory.plan(blueprint);
        LaunchJournal record = LaunchJournal.begin(journal, clock, names.launchId(), spec, plan.stepIds());
        record.output(CREATED_BY, createdBy);
        LaunchContext ctx = new LaunchContext(blueprint, aws, record, listener, home, pacing);
        return new Launch(ctx, plan, new PlanExecutor(STEP_THREADS), remover(blueprint.region(), names.launchId()),
                networkUsers(blueprint.region(), names.launchId()), journal, Set.of(), false);
    }

    /**
     * Continues a launch that was interrupted (the process was killed, the laptop slept for good): the same
     * plan with the same names, from its journal. Mutating steps the journal shows done are skipped, with
     * what they found put back from the journal; read-only checks and every other step run again, which
     * is safe because each step adopts what an earlier attempt of this launch created (by its tag, its
     * unique name or its ClientToken). Like a new launch, it rolls everything back if a step fails.
     *
     * @throws IllegalArgumentException when the journal has no such launch
     * @throws IllegalStateException    when the launch is not {@link LaunchState#LAUNCHING} (nothing to resume)
     * @throws LaunchBusyException      when another process is still running it
     * @throws dev.hangar.journal.JournalCorruptException when its journal file is damaged
     */
    public Launch resume(String launchId, LaunchListener listener) {
        LaunchRecord record = journal.load(launchId)
                .orElseThrow(() -> new IllegalArgumentException("no launch " + launchId + " in the journal at " + journal.directory()));
        if (record.state() != LaunchState.LAUNCHING) {
            throw new IllegalStateException(notResumable(record));
        }
        if (journal.isBusy(launchId)) {
            throw new LaunchBusyException(launchId);
        }
        // The same tags as the first run, so what it made is found again; a journal from before created-by tags has none.
        Blueprint blueprint = Blueprint.forLaunch(record.spec(), launchId, record.output(CREATED_BY));
        LaunchPlan plan = PlanFactory.plan(blueprint);
        LaunchJournal live = LaunchJournal.reopen(journal, clock, record);
        LaunchContext ctx = new LaunchContext(blueprint, aws, live, listener, home, pacing);
        Set<String> done = new LinkedHashSet<>();
        for (StepRecord step : record.steps()) {
            Step planned = plan.step(step.id());
            if (step.state() == StepState.DONE && planned != null && !planned.readOnly() && planned.restore(ctx, record)) {
                done.add(step.id());
            }
        }
        // A mutating step counts as done only when every mutating step it depends on is done too.
        boolean changed = true;
        while (changed) {
            changed = done.removeIf(id -> !done.containsAll(plan.ancestors(id).stream().filter(a -> !plan.step(a).readOnly()).toList()));
        }
        return new Launch(ctx, plan, new PlanExecutor(STEP_THREADS), remover(blueprint.region(), launchId),
                networkUsers(blueprint.region(), launchId), journal, done, true);
    }

    /** Why a launch in this state cannot be resumed, and what to do instead. */
    public static String notResumable(LaunchRecord record) {
        String id = record.launchId();
        return switch (record.state()) {
            case LAUNCHING -> "launch " + id + " can be resumed";
            case SUCCEEDED -> "launch " + id + " already completed; there is nothing to resume";
            case ROLLED_BACK, DESTROYED -> "launch " + id + " was " + (record.state() == LaunchState.ROLLED_BACK ? "rolled back" : "destroyed")
                    + "; there is nothing to resume. Launch it again with 'launch'";
            case ROLLING_BACK, ROLLBACK_INCOMPLETE, DESTROYING, DESTROY_INCOMPLETE -> "launch " + id + " was being removed ("
                    + record.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "), not launched; run 'destroy --launch " + id
                    + "' to finish removing it";
        };
    }

    /**
     * Removes everything the launch created, keeping the data volume (detached) if asked. Works on the
     * journal as it is on disk once the launch's lock is held.
     *
     * @throws LaunchBusyException when another process is launching, resuming or destroying it
     */
    public LaunchOutcome.Removal destroy(LaunchRecord given, boolean keepDataVolume, LaunchListener listener) {
        return destroy(given, keepDataVolume, false, listener);
    }

    /**
     * Like {@link #destroy(LaunchRecord, boolean, LaunchListener)}; then, when the launch used Hangar's network and was its
     * last user, removes the network too unless {@code keepNetwork} (see {@link LastNetworkUser}).
     */
    public LaunchOutcome.Removal destroy(LaunchRecord given, boolean keepDataVolume, boolean keepNetwork, LaunchListener listener) {
        try (LaunchLock lock = journal.lock(given.launchId())) {
            LaunchRecord record = journal.load(given.launchId()).orElse(given);
            return destroyLocked(record, keepDataVolume, keepNetwork, listener);
        }
    }

    private LaunchOutcome.Removal destroyLocked(LaunchRecord record, boolean keepDataVolume, boolean keepNetwork, LaunchListener listener) {
        LaunchJournal live = LaunchJournal.reopen(journal, clock, record);
        live.state(LaunchState.DESTROYING, "destroy requested");
        ResourceRemover remover = remover(record.spec().region(), record.launchId());
        List<String> left = new ArrayList<>(new Teardown(remover, live, listener, null).removeAll(keepDataVolume));
        // The shared network only once the launch's own resources are gone: its instance and group sit inside it.
        LastNetworkUser.Outcome network = left.isEmpty()
                ? new LastNetworkUser(aws, journal, new Waits(pacing, new AtomicBoolean())).settle(live, keepNetwork, listener)
                : new LastNetworkUser.Outcome("", List.of());
        left.addAll(network.failures());
        String networkNote = network.sentence().isEmpty() ? "" : "; " + network.sentence();
        LaunchState end = left.isEmpty() ? LaunchState.DESTROYED : LaunchState.DESTROY_INCOMPLETE;
        String message = left.isEmpty()
                ? "Destroyed launch " + record.launchId() + (keepDataVolume ? "; the data volume was kept" : "") + networkNote
                : "Destroy of " + record.launchId() + " could not remove: " + String.join("; ", left) + networkNote + ". Run destroy again to retry.";
        live.state(end, message);
        listener.on(new LaunchEvent.Finished(end, message));
        return new LaunchOutcome.Removal(record.launchId(), record.spec().region(), end, message, live.snapshot().outputs(), null);
    }

    private NetworkUsers networkUsers(String region, String launchId) {
        return new NetworkUsers(aws.ec2(region), journal, home, region, launchId);
    }

    /** Removal waits on its own: a cancel stops the launch, never the rollback or destroy that cleans up after it. */
    private ResourceRemover remover(String region, String launchId) {
        return new ResourceRemover(aws, region, launchId, new Waits(pacing, new AtomicBoolean()));
    }
}
