package dev.hangar.blueprint;

import dev.hangar.blueprint.IamPolicies;
import dev.hangar.blueprint.LaunchNames;
import dev.hangar.spec.LaunchSpec;
import java.util.List;

/**
 * The instance role: its scoped data policy (and a run's S3 code prefix), the CloudWatch agent's policy (inline, metrics
 * in CWAgent only, and a run's own log group), the
 * AWS managed policies, the permissions boundary and the instance profile.
 *
 * @param permissionsBoundaryArn null when the role gets none
 */
public record IamModel(String roleName, String roleDescription, String instanceProfileName, String dataPolicyName,
                       String trustPolicy, String dataPolicy, String agentPolicyName, String agentPolicy,
                       List<String> managedPolicyArns, String permissionsBoundaryArn) {

    public IamModel {
        managedPolicyArns = List.copyOf(managedPolicyArns);
    }

    /**
     * @param bucketAccount the account that must own the data bucket; null when not known (an offline export)
     * @param run           the launch's run, whose log group the agent may write to; null without one
     * @param account       the launching caller's account (where the log group is made); null when not known
     */
    static IamModel of(LaunchSpec spec, LaunchNames names, String bucketAccount, RunModel run, String account) {
        String agentPolicy = run == null ? IamPolicies.cloudWatchAgentPolicy()
                : IamPolicies.cloudWatchAgentPolicy(spec.region(), account, run.logGroup());
        return new IamModel(names.roleName(), "Hangar launch " + names.launchId() + ": EC2 instance role",
                names.instanceProfileName(), names.dataPolicyName(), IamPolicies.trustPolicy(),
                IamPolicies.dataAccessPolicy(spec, bucketAccount), names.agentPolicyName(), agentPolicy,
                IamPolicies.managedPolicyArns(spec), spec.permissionsBoundaryArn());
    }
}
