package dev.hangar.provision;

import dev.hangar.blueprint.Blueprint;

import dev.hangar.blueprint.StepFailedException;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.aws.AwsClients;
import dev.hangar.aws.AwsSettings;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchJournal;
import dev.hangar.journal.StepRecord;
import dev.hangar.journal.StepState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The executor's scheduling, with steps that call no AWS at all (they only record what happened). */
class PlanExecutorTest {

    @TempDir Path home;

    private final AwsClients aws = new AwsClients(AwsSettings.defaults(), StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
    private final List<String> events = new CopyOnWriteArrayList<>();
    private LaunchJournal journal;

    @AfterEach
    void close() {
        aws.close();
    }

    private record TestStep(String id, List<String> dependsOn, Work work) implements Step {
        public String title() {
            return id;
        }

        public String apply(LaunchContext ctx) throws Exception {
            work.run(ctx);
            return "";
        }
    }

    @FunctionalInterface
    private interface Work {
        void run(LaunchContext ctx) throws Exception;
    }

    private LaunchContext context(LaunchPlan plan) {
        journal = LaunchJournal.begin(new JournalStore(home), Clock.systemUTC(), "test-000001", IamPoliciesTest.spec().build(), plan.stepIds());
        return new LaunchContext(Blueprint.of(IamPoliciesTest.spec().build(), "test-000001"), aws, journal,
                e -> events.add(e.getClass().getSimpleName() + ":" + (e instanceof LaunchEvent.StepStarted s ? s.stepId() : "")), home, Pacing.fast());
    }

    private StepState state(String id) {
        return journal.snapshot().steps().stream().filter(s -> s.id().equals(id)).map(StepRecord::state).findFirst().orElseThrow();
    }

    @Test
    void independentStepsRunSideBySide() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        Work meet = ctx -> {
            both.countDown();
            // Each waits for the other: this finishes only if both run at once.
            assertThat(both.await(5, TimeUnit.SECONDS)).isTrue();
        };
        LaunchPlan plan = new LaunchPlan(List.of(new TestStep("a", List.of(), meet), new TestStep("b", List.of(), meet),
                new TestStep("c", List.of("a", "b"), ctx -> { })));
        PlanExecutor.Result result = new PlanExecutor(4).run(plan, context(plan));
        assertThat(result.succeeded()).isTrue();
        assertThat(state("c")).isEqualTo(StepState.DONE);
    }

    @Test
    void aStepStartsOnlyAfterItsDependencies() throws Exception {
        Map<String, Long> finished = new ConcurrentHashMap<>();
        Map<String, Long> started = new ConcurrentHashMap<>();
        LaunchPlan plan = new LaunchPlan(List.of(
                new TestStep("a", List.of(), ctx -> { Thread.sleep(30); finished.put("a", System.nanoTime()); }),
                new TestStep("b", List.of("a"), ctx -> started.put("b", System.nanoTime()))));
        assertThat(new PlanExecutor(4).run(plan, context(plan)).succeeded()).isTrue();
        assertThat(started.get("b")).isGreaterThan(finished.get("a"));
    }

    @Test
    void afterAFailureNoNewStepStartsButRunningOnesFinish() throws Exception {
        LaunchPlan plan = new LaunchPlan(List.of(
                // Still running long after the failure has been seen by the executor.
                new TestStep("slow", List.of(), ctx -> Thread.sleep(300)),
                new TestStep("fails", List.of(), ctx -> {
                    throw new StepFailedException("boom");
                }),
                new TestStep("after-slow", List.of("slow"), ctx -> { })));
        PlanExecutor.Result result = new PlanExecutor(4).run(plan, context(plan));
        assertThat(result.failedStep()).isEqualTo("fails");
        assertThat(result.message()).isEqualTo("boom");
        assertThat(state("slow")).isEqualTo(StepState.DONE);
        assertThat(state("fails")).isEqualTo(StepState.FAILED);
        assertThat(state("after-slow")).isEqualTo(StepState.PENDING);
        assertThat(events).noneMatch(e -> e.equals("StepStarted:after-slow"));
    }

    @Test
    void aCancelStopsWaitingStepsAndIsReportedAsSuch() throws Exception {
        LaunchPlan plan = new LaunchPlan(List.of(
                new TestStep("waits", List.of(), ctx -> ctx.waits().until("forever", java.time.Duration.ofSeconds(30), () -> false, s -> { })),
                new TestStep("next", List.of("waits"), ctx -> { })));
        LaunchContext ctx = context(plan);
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            ctx.cancel();
        });
        canceller.start();
        PlanExecutor.Result result = new PlanExecutor(2).run(plan, ctx);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).isEqualTo("cancelled");
        assertThat(state("next")).isEqualTo(StepState.PENDING);
    }

    @Test
    void progressCountsDoneSteps() throws Exception {
        LaunchPlan plan = new LaunchPlan(List.of(new TestStep("a", List.of(), c -> { }), new TestStep("b", List.of("a"), c -> { })));
        List<LaunchEvent> seen = new CopyOnWriteArrayList<>();
        journal = LaunchJournal.begin(new JournalStore(home), Clock.systemUTC(), "test-000002", IamPoliciesTest.spec().build(), plan.stepIds());
        LaunchContext ctx = new LaunchContext(Blueprint.of(IamPoliciesTest.spec().build(), "test-000002"), aws, journal, seen::add, home, Pacing.fast());
        new PlanExecutor(2).run(plan, ctx);
        assertThat(seen).filteredOn(e -> e instanceof LaunchEvent.Progress).extracting(e -> ((LaunchEvent.Progress) e).fraction())
                .containsExactly(0.5, 1.0);
    }
}
