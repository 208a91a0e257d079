package dev.hangar.checklist;

import dev.hangar.spec.Egress;
import dev.hangar.spec.LaunchSpec;

/** egress=all keeps the default allow-all outbound rule; web and https-only replace it. */
public final class RestrictedEgressRule extends BaseRule {

    public RestrictedEgressRule() {
        super("restricted-egress", "Outbound traffic is limited to web ports",
                "If the machine or one of its training dependencies is compromised, allowing only HTTP and HTTPS out makes "
                        + "it harder to send data away or reach a control server on some other port.",
                Severity.LOW, "CKV_AWS_382");
    }

    @Override
    public Finding evaluate(LaunchSpec spec, AccountFacts facts) {
        if (spec.egress() == Egress.ALL) {
            return warn("egress is all: every protocol and port may go out to any address.", Fixes.WEB_EGRESS);
        }
        return pass(spec.egress() == Egress.HTTPS_ONLY ? "Only TCP 443 may go out." : "Only TCP 80 and 443 may go out.");
    }
}
