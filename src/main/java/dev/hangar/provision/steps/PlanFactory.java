package dev.hangar.provision.steps;

import static dev.hangar.provision.steps.StepIds.*;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.IamModel;
import dev.hangar.blueprint.IamPolicies;
import dev.hangar.blueprint.LaunchNames;
import dev.hangar.blueprint.NetworkModel;
import dev.hangar.provision.LaunchPlan;
import dev.hangar.provision.Step;
import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the plan of a launch. Independent work runs side by side: the IAM role and profile, the
 * security group, the key pair and Hangar's network; the data volume starts as soon as the instance's zone is known;
 * with Session Manager access, the last step waits until the instance is online there.
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
        NetworkModel network = blueprint.network();
        List<String> checks = new ArrayList<>(List.of(CHECK_IMAGE, CHECK_BUCKET));
        boolean reserved = spec.capacityReservationId() != null;
        if (reserved) {
            steps.add(new InputChecks.CheckCapacityReservation(spec.capacityReservationId()));
        }
        if (network == null) {
            steps.add(new InputChecks.ResolveNetwork());
            steps.add(new InputChecks.CheckOffering(spec.instanceType(), reserved));
            steps.add(new InputChecks.ChoosePlacement());
            checks.add(CHOOSE_PLACEMENT);
        } else {
            // Hangar's network is found or made by the steps below, in the zones that offer the type.
            steps.add(new InputChecks.CheckOffering(spec.instanceType(), reserved));
            steps.add(new NetworkSteps.ChooseZones());
            checks.add(CHOOSE_NETWORK_ZONES);
        }
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

        // Hangar's network: the group and the instance need the VPC and the zone's subnet; the rest (internet and NAT
        // gateways, routes, endpoints) is made side by side and nothing waits for it.
        List<String> groupAfter = new ArrayList<>(checks);
        if (network != null) {
            steps.add(new NetworkSteps.Vpc(blueprint.region(), checks));
            steps.add(new NetworkSteps.Subnets(network));
            if (network.needsNat()) {
                steps.add(new NetworkSteps.InternetGatewayStep());
                steps.add(new NetworkSteps.NatGatewayStep());
                steps.add(new NetworkSteps.RouteToNat());
            }
            steps.add(new NetworkSteps.S3Endpoint());
            if (!network.interfaceServices().isEmpty()) {
                steps.add(new NetworkSteps.EndpointSecurityGroup());
                steps.add(new NetworkSteps.InterfaceEndpoints(network));
            }
            groupAfter.add(CREATE_NETWORK_VPC);
            beforeInstance.add(CREATE_NETWORK_SUBNETS);
        }

        steps.add(new SecurityGroupSteps.Create(blueprint.securityGroup().name(), groupAfter));
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
        if (spec.access() == Access.SSM) {
            steps.add(new SessionManagerOnlineStep(lastSteps(steps)));
        }
        return new LaunchPlan(steps);
    }

    /** The steps no other step depends on: a step after all of them comes last. */
    private static List<String> lastSteps(List<Step> steps) {
        java.util.Set<String> needed = new java.util.HashSet<>();
        steps.forEach(s -> needed.addAll(s.dependsOn()));
        return steps.stream().map(Step::id).filter(id -> !needed.contains(id)).toList();
    }
}
