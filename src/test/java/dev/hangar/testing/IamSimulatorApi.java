package dev.hangar.testing;

import java.util.UUID;

/**
 * IAM's SimulatePrincipalPolicy (Query protocol, XML), which moto does not have: each action and resource asked about,
 * with the decision {@link FakeIamSimulator} holds.
 */
final class IamSimulatorApi implements LocalApi {

    private final FakeIamSimulator simulator;

    IamSimulatorApi(FakeIamSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public WireResponse answer(Call call, WireRequest request) {
        if (!"iam".equals(call.service()) || !"SimulatePrincipalPolicy".equals(call.action())) {
            return null;
        }
        if (call.param("PolicySourceArn") == null) {
            return AwsErrors.render("iam", 400, "ValidationError", "1 validation error detected: PolicySourceArn must not be null");
        }
        String resource = call.param("ResourceArns.member.1") == null ? "*" : call.param("ResourceArns.member.1");
        StringBuilder members = new StringBuilder();
        for (int i = 1; call.param("ActionNames.member." + i) != null; i++) {
            String action = call.param("ActionNames.member." + i);
            members.append("<member><EvalActionName>").append(action).append("</EvalActionName><EvalResourceName>").append(resource)
                    .append("</EvalResourceName><EvalDecision>").append(simulator.allows(action) ? "allowed" : "implicitDeny")
                    .append("</EvalDecision><MatchedStatements/><MissingContextValues/></member>");
        }
        return WireResponse.of(200, "text/xml", "<SimulatePrincipalPolicyResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                + "<SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated><EvaluationResults>" + members
                + "</EvaluationResults></SimulatePrincipalPolicyResult><ResponseMetadata><RequestId>" + UUID.randomUUID()
                + "</RequestId></ResponseMetadata></SimulatePrincipalPolicyResponse>");
    }
}
