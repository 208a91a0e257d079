package dev.hangar.provision;

import dev.hangar.blueprint.AwsErrors;
import dev.hangar.journal.StepState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a plan's steps, each as soon as its dependencies have succeeded, side by side on a small
 * pool. After the first failure (or a cancel) no new step starts; those running are let finish so
 * that everything they created is in the journal before rollback begins.
 */
public final class PlanExecutor {

    /** How the run ended. */
    public sealed interface Result {
        default boolean succeeded() {
            return this instanceof Completed;
        }

        /** The step that failed; null unless {@link Failed}. */
        default String failedStep() {
            return this instanceof Failed f ? f.step() : null;
        }

        String message();

        /** Every step is done. */
        record Completed(int steps) implements Result {
            @Override
            public String message() {
                return "all " + steps + " steps done";
            }
        }

        /** {@code step} failed; steps running then were let finish, no other started. */
        record Failed(String step, String message) implements Result {
        }

        /** The user cancelled before every step was done. */
        record Cancelled() implements Result {
            @Override
            public String message() {
                return "cancelled";
            }
        }
    }

    private record Outcome(Step step, String detail, Throwable error) {
    }

    private final int threads;

    public PlanExecutor(int threads) {
        this.threads = threads;
    }

    public Result run(LaunchPlan plan, LaunchContext ctx) throws InterruptedException {
        return run(plan, ctx, Set.of());
    }

    /** Runs the plan's steps but {@code alreadyDone} (a resumed launch's finished steps), which count as done. */
    public Result run(LaunchPlan plan, LaunchContext ctx, Set<String> alreadyDone) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, namedDaemons());
        CompletionService<Outcome> completions = new ExecutorCompletionService<>(pool);
        Set<String> started = new HashSet<>(alreadyDone);
        Set<String> done = new HashSet<>(alreadyDone);
        List<Step> steps = plan.steps();
        // Everything a step depends on, directly or not: in a fresh run the same as its direct dependencies
        // being done; in a resumed run a skipped step's dependents still wait for the checks that run again.
        Map<String, Set<String>> ancestors = new HashMap<>();
        steps.forEach(s -> ancestors.put(s.id(), plan.ancestors(s.id())));
        int running = 0;
        Result.Failed failure = null;
        try {
            while (true) {
                if (failure == null && !ctx.isCancelled()) {
                    for (Step step : steps) {
                        if (!started.contains(step.id()) && done.containsAll(ancestors.get(step.id()))) {
                            started.add(step.id());
                            completions.submit(() -> runStep(step, ctx));
                            running++;
                        }
                    }
                }
                if (running == 0) {
                    break;
                }
                Outcome outcome = take(completions);
                running--;
                if (outcome.error() == null) {
                    done.add(outcome.step().id());
                    ctx.emit(new LaunchEvent.Progress(done.size(), steps.size()));
                } else if (failure == null) {
                    failure = new Result.Failed(outcome.step().id(), AwsErrors.explain(outcome.error(), ctx.spec()));
                }
            }
        } finally {
            pool.shutdown();
        }
        // A cancel shows up as a step failing with "cancelled" (its wait stopped); the user's intent is what counts.
        if (ctx.isCancelled() && done.size() < steps.size()) {
            return new Result.Cancelled();
        }
        if (failure != null) {
            return failure;
        }
        return done.size() < steps.size() ? new Result.Cancelled() : new Result.Completed(steps.size());
    }

    private static Outcome take(CompletionService<Outcome> completions) throws InterruptedException {
        try {
            return completions.take().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a step escaped its own error handling", e.getCause());
        }
    }

    private static Outcome runStep(Step step, LaunchContext ctx) {
        ctx.journal().stepStarted(step.id());
        ctx.emit(new LaunchEvent.StepStarted(step.id(), step.title()));
        try {
            String detail = step.apply(ctx);
            ctx.journal().stepFinished(step.id(), StepState.DONE, null);
            ctx.emit(new LaunchEvent.StepSucceeded(step.id(), step.title(), detail));
            return new Outcome(step, detail, null);
        } catch (Exception | LinkageError e) {
            String message = AwsErrors.explain(e, ctx.spec());
            ctx.journal().stepFinished(step.id(), StepState.FAILED, message);
            ctx.emit(new LaunchEvent.StepFailed(step.id(), step.title(), message));
            return new Outcome(step, null, e);
        }
    }

    private static ThreadFactory namedDaemons() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "hangar-step-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
