package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.InstanceModel;

/** Hangar always sets IMDSv2 with hop limit 1; the rule states the guarantee (and the drift audit rechecks it). */
public final class ImdsV2Rule extends BaseRule {

    public ImdsV2Rule() {
        super("imdsv2-required", "Instance metadata requires IMDSv2 tokens, hop limit 1",
                "The metadata service hands out the instance role's AWS credentials. Requiring session tokens (IMDSv2) "
                        + "with a hop limit of 1 stops a request forged through a web app or made from a container from reading them.",
                Severity.HIGH, "EC2.8", "CKV_AWS_79");
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        InstanceModel instance = blueprint.instance();
        if (!"required".equals(instance.httpTokens()) || instance.httpPutResponseHopLimit() != 1) {
            boolean tokens = "required".equals(instance.httpTokens());
            return fail(tokens ? "Instance metadata answers beyond one hop (hop limit " + instance.httpPutResponseHopLimit() + ")"
                            : "Instance metadata answers without a token (HttpTokens=" + instance.httpTokens() + ")",
                    "The instance would launch with HttpTokens=" + instance.httpTokens() + " and HttpPutResponseHopLimit="
                    + instance.httpPutResponseHopLimit() + ".", null);
        }
        return pass("Instance metadata requires IMDSv2 tokens, hop limit 1",
                "Hangar launches with HttpTokens=required and HttpPutResponseHopLimit=1. Containers on Docker's "
                + "bridge network cannot reach the metadata service then; run them with --network host to use the role.");
    }
}
