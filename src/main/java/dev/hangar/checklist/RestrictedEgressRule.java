package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.SecurityGroupModel;
import java.util.List;

/** egress=all keeps the default allow-all outbound rule; web and https-only replace it. */
public final class RestrictedEgressRule extends BaseRule {

    public RestrictedEgressRule() {
        super("restricted-egress", "Outbound traffic is limited to web ports",
                "If the machine or one of its training dependencies is compromised, allowing only HTTP and HTTPS out makes "
                        + "it harder to send data away or reach a control server on some other port.",
                Severity.LOW, "CKV_AWS_382");
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        SecurityGroupModel group = blueprint.securityGroup();
        if (group.egressAll() || group.egress().stream().anyMatch(r -> r.protocol().equals("-1"))) {
            return warn("All outbound traffic is allowed (egress: all)",
                    "egress is all: every protocol and port may go out to any address.", Fixes.WEB_EGRESS);
        }
        List<String> ports = group.egress().stream().map(r -> String.valueOf(r.fromPort())).distinct().toList();
        String only = "TCP " + String.join(" and ", ports);
        return pass("Outbound traffic is limited to " + only, "Only " + only + " may go out.");
    }
}
