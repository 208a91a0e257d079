package dev.hangar.provision;

import dev.hangar.blueprint.LaunchNames;
import static dev.hangar.provision.steps.StepIds.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.provision.steps.PlanFactory;
import dev.hangar.spec.Access;
import dev.hangar.spec.Egress;
import dev.hangar.spec.LaunchSpec;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanFactoryTest {

    private static final Set<String> CHECKS = Set.of(CHECK_IMAGE, CHECK_BUCKET, RESOLVE_NETWORK, CHECK_OFFERING, CHOOSE_PLACEMENT, CHECK_KEY_PAIR);
    private static final List<String> MUTATING_ROOTS = List.of(CREATE_ROLE, CREATE_INSTANCE_PROFILE, CREATE_SECURITY_GROUP);

    private static LaunchPlan plan(LaunchSpec spec) {
        return PlanFactory.plan(spec, new LaunchNames("llama-1a2b3c"));
    }

    @Test
    void anSsmLaunchOpensNoPortAndCreatesNoKey() {
        List<String> ids = plan(IamPoliciesTest.spec().build()).stepIds();
        assertThat(ids).contains(ATTACH_SSM_POLICY, REVOKE_DEFAULT_EGRESS, ALLOW_EGRESS, IDLE_STOP_ALARM)
                .doesNotContain(AUTHORIZE_SSH, CREATE_KEY_PAIR, CHECK_KEY_PAIR);
    }

    @Test
    void anSshLaunchWithANewKeyChecksTheNameAndOpensPort22() {
        LaunchSpec spec = IamPoliciesTest.spec().access(Access.SSH).sshCidr("203.0.113.7/32").keyPair("lab").createKeyPair(true).build();
        assertThat(plan(spec).stepIds()).contains(AUTHORIZE_SSH, CREATE_KEY_PAIR, CHECK_KEY_PAIR).doesNotContain(ATTACH_SSM_POLICY);
    }

    @Test
    void allEgressKeepsTheDefaultRuleAndNoIdleStopMeansNoAlarm() {
        LaunchSpec spec = IamPoliciesTest.spec().egress(Egress.ALL).idleStopMinutes(0).build();
        assertThat(plan(spec).stepIds()).doesNotContain(REVOKE_DEFAULT_EGRESS, ALLOW_EGRESS, IDLE_STOP_ALARM);
    }

    @Test
    void nothingIsCreatedBeforeEveryCheckHasPassed() {
        LaunchPlan plan = plan(IamPoliciesTest.spec().keyPair("lab").build());
        for (Step step : plan.steps()) {
            if (!CHECKS.contains(step.id())) {
                assertThat(plan.ancestors(step.id())).as(step.id()).contains(CHECK_IMAGE, CHECK_BUCKET, CHOOSE_PLACEMENT, CHECK_KEY_PAIR);
            }
        }
        for (String root : MUTATING_ROOTS) {
            assertThat(plan.step(root).dependsOn()).as(root).doesNotContain(CREATE_ROLE);
        }
    }

    @Test
    void theInstanceWaitsForTheWholeIamAndNetworkSetup() {
        LaunchPlan plan = plan(IamPoliciesTest.spec().access(Access.SSH).sshCidr("203.0.113.7/32").keyPair("lab").createKeyPair(true).build());
        assertThat(plan.step(RUN_INSTANCE).dependsOn()).contains(PUT_DATA_POLICY, ADD_ROLE_TO_PROFILE, PUT_AGENT_POLICY,
                CREATE_SECURITY_GROUP, REVOKE_DEFAULT_EGRESS, ALLOW_EGRESS, AUTHORIZE_SSH, CREATE_KEY_PAIR);
    }

    @Test
    void theDataVolumeStartsOnceTheZoneIsKnownNotWhenTheInstanceRuns() {
        LaunchPlan plan = plan(IamPoliciesTest.spec().build());
        assertThat(plan.step(CREATE_DATA_VOLUME).dependsOn()).containsExactly(RUN_INSTANCE);
        assertThat(plan.step(ATTACH_DATA_VOLUME).dependsOn()).contains(WAIT_INSTANCE_RUNNING, CREATE_DATA_VOLUME);
    }

    @Test
    void theLongestChainIsChecksThenIamThenTheInstance() {
        // choose-placement, create-role, policy/profile, run, wait, attach: 7 rounds
        assertThat(plan(IamPoliciesTest.spec().build()).criticalPathSteps()).isEqualTo(7);
    }
}
