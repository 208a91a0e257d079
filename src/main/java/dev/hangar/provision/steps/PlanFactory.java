package dev.hangar.provision.steps;

import static dev.hangar.provision.steps.StepIds.*;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.IamModel;
import dev.hangar.blueprint.IamPolicies;
import dev.hangar.blueprint.LaunchNames;
import dev.hangar.provision.LaunchPlan;
import dev.hangar.provision.Step;
import dev.hangar.spec.LaunchSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the plan of a launch. Independent work runs side by side: the IAM role and profile, the
 * security group and the key pair; the data volume starts as soon as the instance's zone is known.
 */
public final class PlanFactory {

    private PlanFactory() {
    }

    /** The plan of a valid spec under the given names; see {@link #plan(Blueprint)}. */
    public static LaunchPlan plan(LaunchSpec spec, LaunchNames names) {
        return plan(Blueprint.of(spec, names.launchId()));
    }

    /** The steps that create what the blueprint describes. */
    public static LaunchPlan plan(Blueprint blueprint) {
        LaunchSpec spec = blueprint.spec();
        List<Step> steps = new ArrayList<>();
        // Read-only checks first and side by side: a bad input fails before anything exists.
        steps.add(new InputChecks.CheckImage(spec.amiId()));
        steps.add(new InputChecks.CheckBucket(spec.dataBucket()));
        steps.add(new InputChecks.ResolveNetwork());
        steps.add(new InputChecks.CheckOffering(spec.instanceType()));
        steps.add(new InputChecks.ChoosePlacement());
        List<String> checks = new ArrayList<>(List.of(CHECK_IMAGE, CHECK_BUCKET, CHOOSE_PLACEMENT));
        if (spec.keyPair() != null) {
            steps.add(new InputChecks.CheckKeyPair(spec.keyPair(), spec.createKeyPair()));
            checks.add(CHECK_KEY_PAIR);
        }
        if (blueprint.iam().permissionsBoundaryArn() != null) {
            steps.add(new InputChecks.CheckPermissionsBoundary(blueprint.iam().permissionsBoundaryArn()));
            checks.add(CHECK_PERMISSIONS_BOUNDARY);
        }

        steps.add(new IamSteps.CreateRole(blueprint.iam().roleName(), checks));
        IamModel iam = blueprint.iam();
        steps.add(new IamSteps.PutInlinePolicy(PUT_DATA_POLICY, "Allow the role to reach s3://" + spec.dataBucket() + " only",
                iam.dataPolicyName(), IamModel::dataPolicy));
        steps.add(new IamSteps.PutInlinePolicy(PUT_AGENT_POLICY, "Allow the CloudWatch agent to put metrics in "
                + IamPolicies.AGENT_NAMESPACE + " only", iam.agentPolicyName(), IamModel::agentPolicy));
        List<String> beforeInstance = new ArrayList<>(List.of(PUT_DATA_POLICY, PUT_AGENT_POLICY, ADD_ROLE_TO_PROFILE));
        for (String arn : iam.managedPolicyArns()) {
            steps.add(new IamSteps.AttachManagedPolicy(ATTACH_SSM_POLICY, arn));
            beforeInstance.add(ATTACH_SSM_POLICY);
        }
        steps.add(new IamSteps.CreateInstanceProfile(blueprint.iam().instanceProfileName(), checks));
        steps.add(new IamSteps.AddRoleToProfile());

        steps.add(new SecurityGroupSteps.Create(blueprint.securityGroup().name(), checks));
        beforeInstance.add(CREATE_SECURITY_GROUP);
        if (!blueprint.securityGroup().egressAll()) {
            steps.add(new SecurityGroupSteps.RevokeDefaultEgress());
            steps.add(new SecurityGroupSteps.AllowEgress(spec.egress()));
            beforeInstance.add(REVOKE_DEFAULT_EGRESS);
            beforeInstance.add(ALLOW_EGRESS);
        }
        if (!blueprint.securityGroup().ingress().isEmpty()) {
            steps.add(new SecurityGroupSteps.AuthorizeSsh(spec.sshCidr()));
            beforeInstance.add(AUTHORIZE_SSH);
        }
        if (spec.createKeyPair()) {
            steps.add(new KeyPairStep(spec.keyPair(), checks));
            beforeInstance.add(CREATE_KEY_PAIR);
        }

        if (blueprint.session() != null) {
            steps.add(new SessionDocumentStep(blueprint.session(), checks));
        }

        steps.add(new RunInstanceStep(spec, beforeInstance));
        steps.add(new InstanceSteps.WaitRunning());
        steps.add(new InstanceSteps.CreateDataVolume(blueprint.dataVolume()));
        steps.add(new InstanceSteps.AttachDataVolume(blueprint.dataVolume()));
        if (blueprint.idleAlarm() != null) {
            steps.add(new InstanceSteps.IdleStopAlarm(spec.idleStopMinutes()));
        }
        return new LaunchPlan(steps);
    }
}
