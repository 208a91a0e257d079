package dev.hangar.provision;

import static dev.hangar.provision.steps.StepIds.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.blueprint.LaunchNames;
import dev.hangar.provision.steps.PlanFactory;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.NetworkMode;
import dev.hangar.spec.RunSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a run's steps sit in the plan: after the read-only checks, beside IAM, before the instance; none without a run. */
class RunPlanTest {

    private static LaunchPlan plan(String code) {
        LaunchSpec spec = EngineFixture.spec().network(NetworkMode.PUBLIC)
                .run(new RunSpec(code, null, "python train.py", Map.of(), true)).build();
        return PlanFactory.plan(spec, new LaunchNames("llama-1a2b3c"));
    }

    @Test
    void theCodeAndTheLogGroupAreMadeBesideIamAndBeforeTheInstance() {
        LaunchPlan plan = plan("/home/me/llama");
        assertThat(plan.step(UPLOAD_CODE).dependsOn()).contains(CHECK_BUCKET).doesNotContain(CREATE_ROLE);
        assertThat(plan.step(CREATE_LOG_GROUP).dependsOn()).doesNotContain(CREATE_ROLE, UPLOAD_CODE);
        assertThat(plan.step(SET_LOG_RETENTION).dependsOn()).containsExactly(CREATE_LOG_GROUP);
        assertThat(plan.ancestors(RUN_INSTANCE)).contains(UPLOAD_CODE, CREATE_LOG_GROUP, SET_LOG_RETENTION);
        assertThat(plan.ancestors(UPLOAD_CODE)).doesNotContain(CREATE_ROLE, CREATE_SECURITY_GROUP);
        assertThat(plan.step(UPLOAD_CODE).title()).isEqualTo("Pack /home/me/llama and upload it to s3://research-data/train/hangar/llama-1a2b3c/code.tar.gz");
        assertThat(plan.criticalPathSteps()).as("no longer than without a run")
                .isEqualTo(PlanFactory.plan(EngineFixture.spec().network(NetworkMode.PUBLIC).build(), new LaunchNames("llama-1a2b3c")).criticalPathSteps());
    }

    @Test
    void codeInS3IsNotUploaded() {
        assertThat(plan("s3://team-code/llama/").stepIds()).contains(CREATE_LOG_GROUP, SET_LOG_RETENTION).doesNotContain(UPLOAD_CODE);
    }

    @Test
    void withoutARunThereAreNoRunSteps() {
        assertThat(PlanFactory.plan(EngineFixture.spec().build(), new LaunchNames("llama-1a2b3c")).stepIds())
                .doesNotContain(UPLOAD_CODE, CREATE_LOG_GROUP, SET_LOG_RETENTION);
    }
}
