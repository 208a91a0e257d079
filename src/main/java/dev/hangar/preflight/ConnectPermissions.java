package dev.hangar.preflight;

import dev.hangar.aws.AwsClients;
import dev.hangar.preflight.PreflightCheck.Status;
import dev.hangar.spec.LaunchSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;

/**
 * Whether the caller may reach the machine once it runs: {@code ssm:StartSession} (shell, Jupyter, port forwards, SSH),
 * {@code ssm:SendCommand} (starting Jupyter) and {@code ec2-instance-connect:SendSSHPublicKey} (the ssh-config entry's
 * 60-second key), asked of IAM's policy simulator.
 * The role gets neither: they are the caller's. A denial does not block the launch (an admin may grant them later),
 * so the finding is a warning that names what is missing.
 */
final class ConnectPermissions {

    static final String ID = "connect-permissions";
    static final String TITLE = "You may connect to the instance";
    /** Each action, and what does not work without it. */
    static final Map<String, String> ACTIONS = orderedMap(
            "ssm:StartSession", "no shell, Jupyter, port forward or SSH will open (all go through Session Manager)",
            "ssm:SendCommand", "Open Jupyter cannot start JupyterLab",
            "ec2-instance-connect:SendSSHPublicKey", "ssh, scp and VS Code through the ssh-config entry will not connect");

    private ConnectPermissions() {
    }

    /** @param callerArn from GetCallerIdentity; an assumed role is simulated as its role */
    static PreflightCheck check(AwsClients aws, LaunchSpec spec, String callerArn, String accountId) {
        if (callerArn == null) {
            return new PreflightCheck(ID, TITLE, Status.WARN, "the caller's identity is unknown, so its permissions could not be checked");
        }
        if (callerArn.endsWith(":root")) {
            return new PreflightCheck(ID, TITLE, Status.PASS, "the account's root user may do everything (better to use a role)");
        }
        String principal = principalArn(aws, callerArn);
        String instances = "arn:" + partition(callerArn) + ":ec2:" + spec.region() + ":" + accountId + ":instance/*";
        List<EvaluationResult> results = aws.iam().simulatePrincipalPolicy(r -> r.policySourceArn(principal).actionNames(ACTIONS.keySet())
                .resourceArns(instances)).evaluationResults();
        List<String> denied = results.stream().filter(e -> e.evalDecision() != PolicyEvaluationDecisionType.ALLOWED)
                .map(EvaluationResult::evalActionName).toList();
        if (denied.isEmpty()) {
            return new PreflightCheck(ID, TITLE, Status.PASS, "you may open Session Manager sessions (ssm:StartSession), start "
                    + "Jupyter (ssm:SendCommand) and push a 60-second SSH key (ec2-instance-connect:SendSSHPublicKey) to instances in "
                    + spec.region());
        }
        return new PreflightCheck(ID, TITLE, Status.WARN, "your identity lacks " + String.join(" and ", denied) + " on instances in "
                + spec.region() + ": the launch works, but " + denied.stream().map(ACTIONS::get).collect(Collectors.joining("; "))
                + " until an administrator grants it");
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** IAM simulates users and roles, not STS sessions: an assumed role's session is asked as its role (with its path). */
    private static String principalArn(AwsClients aws, String callerArn) {
        String[] parts = callerArn.split(":", 6);
        if (parts.length == 6 && parts[2].equals("sts") && parts[5].startsWith("assumed-role/")) {
            String role = parts[5].split("/")[1];
            return aws.iam().getRole(r -> r.roleName(role)).role().arn();
        }
        return callerArn;
    }

    private static String partition(String arn) {
        String[] parts = arn.split(":", 3);
        return parts.length > 1 ? parts[1] : "aws";
    }
}
