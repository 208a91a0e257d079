package dev.hangar.bench;

import dev.hangar.provision.LaunchEvent;
import dev.hangar.provision.LaunchListener;
import dev.hangar.provision.LaunchPlan;
import dev.hangar.provision.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When each launch step ran and on which thread, from the engine's own events (a step's events are
 * sent from the thread that runs it), so that each SDK call can be put down to the step that made it.
 */
final class StepTimeline implements LaunchListener {

    private record Span(String stepId, String thread, long start, long end) {
    }

    private final Map<String, Span> open = new HashMap<>();
    private final List<Span> spans = new ArrayList<>();

    @Override
    public synchronized void on(LaunchEvent event) {
        long now = System.nanoTime();
        String thread = Thread.currentThread().getName();
        if (event instanceof LaunchEvent.StepStarted s) {
            open.put(s.stepId(), new Span(s.stepId(), thread, now, Long.MAX_VALUE));
        } else if (event instanceof LaunchEvent.StepSucceeded s) {
            close(s.stepId(), now);
        } else if (event instanceof LaunchEvent.StepFailed s) {
            close(s.stepId(), now);
        }
    }

    private void close(String stepId, long now) {
        Span span = open.remove(stepId);
        if (span != null) {
            spans.add(new Span(stepId, span.thread(), span.start(), now));
        }
    }

    /** The calls each step made, in plan order; calls no step made are under {@link #NO_STEP}. */
    synchronized Map<String, List<CallLog.Entry>> callsByStep(LaunchPlan plan, List<CallLog.Entry> calls) {
        Map<String, List<CallLog.Entry>> byStep = new LinkedHashMap<>();
        plan.stepIds().forEach(id -> byStep.put(id, new ArrayList<>()));
        for (CallLog.Entry call : calls) {
            String step = spans.stream()
                    .filter(s -> s.thread().equals(call.thread()) && s.start() <= call.startNanos() && call.endNanos() <= s.end())
                    .map(Span::stepId).findFirst().orElse(NO_STEP);
            byStep.computeIfAbsent(step, k -> new ArrayList<>()).add(call);
        }
        return byStep;
    }

    static final String NO_STEP = "(no step)";

    /** Each step's span and its calls, in ms from {@code t0}: where a launch's time goes. */
    synchronized List<Map<String, Object>> describe(List<CallLog.Entry> calls, long t0) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Span s : spans.stream().sorted(java.util.Comparator.comparingLong(Span::start)).toList()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("step", s.stepId());
            step.put("thread", s.thread());
            step.put("startMs", round(s.start() - t0));
            step.put("endMs", round(s.end() - t0));
            step.put("calls", calls.stream().filter(c -> c.thread().equals(s.thread()) && s.start() <= c.startNanos() && c.endNanos() <= s.end())
                    .map(c -> c.operation() + " @" + round(c.startNanos() - t0) + " +" + round(c.endNanos() - c.startNanos())).toList());
            out.add(step);
        }
        return out;
    }

    private static double round(long nanos) {
        return Math.round(nanos / 1e5) / 10.0;
    }

    /**
     * The chain of dependent steps with the greatest total weight (a step's calls, or their measured time),
     * and that weight. Calls made outside any step (before the first or after the last) add to every chain.
     */
    static Chain longestChain(LaunchPlan plan, Map<String, Double> weightPerStep) {
        Map<String, Chain> best = new HashMap<>();
        Chain longest = new Chain(List.of(), 0);
        for (Step step : plan.steps()) { // plan order: every dependency comes first
            Chain before = step.dependsOn().stream().map(best::get)
                    .max(java.util.Comparator.comparingDouble(Chain::weight)).orElse(new Chain(List.of(), 0));
            List<String> steps = new ArrayList<>(before.steps());
            steps.add(step.id());
            Chain here = new Chain(steps, before.weight() + weightPerStep.getOrDefault(step.id(), 0.0));
            best.put(step.id(), here);
            if (here.weight() > longest.weight()) {
                longest = here;
            }
        }
        return new Chain(longest.steps(), longest.weight() + weightPerStep.getOrDefault(NO_STEP, 0.0));
    }

    record Chain(List<String> steps, double weight) {
    }
}
