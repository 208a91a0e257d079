package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.spec.LaunchSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The security checklist: every rule, in the order shown, judging a launch's blueprint and what is known of the account. */
public final class Checklist {

    private Checklist() {
    }

    /** Every rule, in report order. The one place a rule is added. */
    public static List<Rule> rules(Clock clock) {
        return List.of(
                new ImdsV2Rule(),
                new EncryptedVolumesRule(),
                new EbsEncryptionByDefaultRule(),
                new NoAdminPortsFromAnywhereRule(),
                new HighRiskPortsRule(),
                new UnrestrictedPortsRule(),
                new OwnSecurityGroupRule(),
                new RestrictedEgressRule(),
                new NoPublicIpRule(),
                new PrivateSubnetRule(),
                new ReachesAwsServicesRule(),
                new InternetDownloadsRule(),
                new SsmManagedRule(),
                new LeastPrivilegeDataAccessRule(),
                new NoSecretsInUserDataRule(),
                new BucketNotPublicRule(),
                new BucketPublicAccessRule(),
                new BucketRequiresTlsRule(),
                new BucketDefaultEncryptionRule(),
                new AmiAgeRule(clock),
                new ImageFitsAcceleratorRule(),
                new DetailedMonitoringRule(),
                new EbsOptimizedRule(),
                new IdleStopRule(),
                new DataVolumeKeptRule(),
                new TenancyRule());
    }

    public static ChecklistReport evaluate(LaunchSpec spec, AccountFacts facts) {
        return evaluate(spec, facts, Clock.systemUTC());
    }

    /**
     * The checklist of a spec that may still be incomplete (the wizard's review), on its draft blueprint.
     *
     * @param facts null means nothing is known, as {@link AccountFacts#unknown()}
     */
    public static ChecklistReport evaluate(LaunchSpec spec, AccountFacts facts, Clock clock) {
        Blueprint draft;
        try {
            draft = Blueprint.draft(spec);
        } catch (RuntimeException e) {
            List<Finding> findings = rules(clock).stream().map(rule -> couldNotCheck(rule, e)).toList();
            return new ChecklistReport(findings);
        }
        return evaluate(draft, facts, clock);
    }

    /** @param facts null means nothing is known, as {@link AccountFacts#unknown()} */
    public static ChecklistReport evaluate(Blueprint blueprint, AccountFacts facts, Clock clock) {
        AccountFacts known = facts == null ? AccountFacts.unknown() : facts;
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules(clock)) {
            findings.add(evaluateOne(rule, blueprint, known));
        }
        return new ChecklistReport(findings);
    }

    /**
     * The wizard shows the checklist while the spec is still being filled in: a rule that cannot read a
     * half-built spec reports that, instead of taking the whole review screen down.
     */
    private static Finding evaluateOne(Rule rule, Blueprint blueprint, AccountFacts facts) {
        try {
            return rule.evaluate(blueprint, facts);
        } catch (RuntimeException e) {
            return couldNotCheck(rule, e);
        }
    }

    private static Finding couldNotCheck(Rule rule, RuntimeException e) {
        return new Finding(rule.id(), "Not checked: " + rule.check(), rule.check(), rule.why(), rule.severity(), Status.WARN,
                "Could not check: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                rule.controls(), null);
    }
}
