package dev.hangar.checklist;

import dev.hangar.spec.LaunchSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The security checklist: every rule, in the order shown, evaluated on a spec and what is known of the account. */
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
                new SsmManagedRule(),
                new LeastPrivilegeDataAccessRule(),
                new NoSecretsInUserDataRule(),
                new BucketPublicAccessRule(),
                new BucketRequiresTlsRule(),
                new BucketDefaultEncryptionRule(),
                new AmiAgeRule(clock),
                new DetailedMonitoringRule(),
                new EbsOptimizedRule(),
                new IdleStopRule(),
                new DataVolumeKeptRule(),
                new TenancyRule());
    }

    public static ChecklistReport evaluate(LaunchSpec spec, AccountFacts facts) {
        return evaluate(spec, facts, Clock.systemUTC());
    }

    /** @param facts null means nothing is known, as {@link AccountFacts#unknown()} */
    public static ChecklistReport evaluate(LaunchSpec spec, AccountFacts facts, Clock clock) {
        AccountFacts known = facts == null ? AccountFacts.unknown() : facts;
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules(clock)) {
            findings.add(evaluateOne(rule, spec, known));
        }
        return new ChecklistReport(findings);
    }

    /**
     * The wizard shows the checklist while the spec is still being filled in: a rule that cannot read a
     * half-built spec reports that, instead of taking the whole review screen down.
     */
    private static Finding evaluateOne(Rule rule, LaunchSpec spec, AccountFacts facts) {
        try {
            return rule.evaluate(spec, facts);
        } catch (RuntimeException e) {
            return new Finding(rule.id(), rule.title(), rule.why(), rule.severity(), Status.WARN,
                    "Could not check: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    rule.controls(), null);
        }
    }
}
