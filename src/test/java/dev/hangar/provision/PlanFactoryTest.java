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

    private static final Set<String> CHECKS = Set.of(CHECK_IMAGE, CHECK_BUCKET, RESOLVE_NETWORK, CHECK_OFFERING, CHOOSE_PLACEMENT, CHECK_KEY_PAIR,
            CHOOSE_NETWORK_ZONES);
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
        // Hangar's network (the default since issue 16) is found or made in the zones the checks chose; public uses the default VPC's.
        LaunchPlan plan = plan(IamPoliciesTest.spec().keyPair("lab").build());
        for (Step step : plan.steps()) {
            if (!CHECKS.contains(step.id())) {
                assertThat(plan.ancestors(step.id())).as(step.id()).contains(CHECK_IMAGE, CHECK_BUCKET, CHOOSE_NETWORK_ZONES, CHECK_KEY_PAIR);
            }
        }
        LaunchPlan inDefaultVpc = plan(IamPoliciesTest.spec().keyPair("lab").network(dev.hangar.spec.NetworkMode.PUBLIC).build());
        for (Step step : inDefaultVpc.steps()) {
            if (!CHECKS.contains(step.id())) {
                assertThat(inDefaultVpc.ancestors(step.id())).as(step.id()).contains(CHECK_IMAGE, CHECK_BUCKET, CHOOSE_PLACEMENT, CHECK_KEY_PAIR);
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
    void theLongestChainIsChecksThenTheNetworkAndGroupThenTheInstanceThenSessionManager() {
        // Issue 16: check-offering, choose-network-zones, VPC, security group, its rules, run, wait, attach, Session Manager
        // online: 9 rounds (most are one call; the waits are the instance's and Session Manager's).
        assertThat(plan(IamPoliciesTest.spec().build()).criticalPathSteps()).isEqualTo(9);
        // The default VPC: check-offering, choose-placement, security group, its rules, run, wait, attach, online: 8.
        assertThat(plan(IamPoliciesTest.spec().network(dev.hangar.spec.NetworkMode.PUBLIC).build()).criticalPathSteps()).isEqualTo(8);
    }

    @Test
    void theInstanceWaitsForItsSubnetButNotForTheNatGatewayOrTheEndpoints() {
        for (dev.hangar.spec.NetworkMode mode : List.of(dev.hangar.spec.NetworkMode.PRIVATE, dev.hangar.spec.NetworkMode.ISOLATED)) {
            LaunchPlan plan = plan(IamPoliciesTest.spec().network(mode).build());
            assertThat(plan.ancestors(RUN_INSTANCE)).as(mode.name()).contains(CREATE_NETWORK_VPC, CREATE_NETWORK_SUBNETS)
                    .doesNotContain(CREATE_NETWORK_INTERNET_GATEWAY, CREATE_NETWORK_NAT_GATEWAY, ROUTE_TO_NAT_GATEWAY,
                            CREATE_NETWORK_S3_ENDPOINT, CREATE_NETWORK_ENDPOINT_SECURITY_GROUP, CREATE_NETWORK_INTERFACE_ENDPOINTS);
            assertThat(plan.step(CREATE_SECURITY_GROUP).dependsOn()).contains(CREATE_NETWORK_VPC);
            String aside = mode == dev.hangar.spec.NetworkMode.PRIVATE ? CREATE_NETWORK_NAT_GATEWAY : CREATE_NETWORK_INTERFACE_ENDPOINTS;
            assertThat(plan.ancestors(aside)).as("made side by side with IAM and the group").doesNotContain(CREATE_ROLE, CREATE_SECURITY_GROUP);
            // Session Manager online comes last: after every other step.
            assertThat(plan.ancestors(WAIT_SESSION_MANAGER_ONLINE)).hasSize(plan.steps().size() - 1);
        }
        assertThat(plan(IamPoliciesTest.spec().network(dev.hangar.spec.NetworkMode.ISOLATED).build()).stepIds())
                .contains(CREATE_NETWORK_INTERFACE_ENDPOINTS, CREATE_NETWORK_S3_ENDPOINT).doesNotContain(CREATE_NETWORK_NAT_GATEWAY);
        assertThat(plan(IamPoliciesTest.spec().network(dev.hangar.spec.NetworkMode.PUBLIC).build()).stepIds())
                .noneMatch(id -> id.contains("network-")).contains(RESOLVE_NETWORK);
        assertThat(plan(IamPoliciesTest.spec().access(Access.SSH).sshCidr("203.0.113.7/32").keyPair("lab").build()).stepIds())
                .as("no Session Manager, no wait for it").doesNotContain(WAIT_SESSION_MANAGER_ONLINE);
    }
}
