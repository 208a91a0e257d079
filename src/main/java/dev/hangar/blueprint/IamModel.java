package dev.hangar.blueprint;

import dev.hangar.blueprint.IamPolicies;
import dev.hangar.blueprint.LaunchNames;
import dev.hangar.spec.LaunchSpec;
import java.util.List;

/** The instance role, its scoped data policy, the managed policies and the instance profile. */
public record IamModel(String roleName, String roleDescription, String instanceProfileName, String dataPolicyName,
                       String trustPolicy, String dataPolicy, List<String> managedPolicyArns) {

    public IamModel {
        managedPolicyArns = List.copyOf(managedPolicyArns);
    }

    static IamModel of(LaunchSpec spec, LaunchNames names) {
        return new IamModel(names.roleName(), "Hangar launch " + names.launchId() + ": EC2 instance role",
                names.instanceProfileName(), names.dataPolicyName(), IamPolicies.trustPolicy(),
                IamPolicies.dataAccessPolicy(spec), IamPolicies.managedPolicyArns(spec));
    }
}
