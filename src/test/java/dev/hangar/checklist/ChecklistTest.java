package dev.hangar.checklist;

import static dev.hangar.checklist.Specs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.spec.Access;
import dev.hangar.spec.BucketAccess;
import dev.hangar.spec.Egress;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.SpecValidator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChecklistTest {

    /** Rules whose answer depends on an account fact, and so must not pass when nothing is known. */
    private static final Set<String> FACT_RULES = Set.of("ebs-encryption-by-default", "data-bucket-blocks-public-access",
            "data-bucket-requires-tls", "data-bucket-default-encryption", "ami-up-to-date", "image-fits-accelerator");

    @Test
    void ruleIdsAreStableKebabCaseAndUnique() {
        List<String> ids = Checklist.rules(CLOCK).stream().map(Rule::id).toList();
        assertThat(ids).allMatch(id -> id.matches("[a-z0-9]+(-[a-z0-9]+)*"));
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(ids).hasSizeGreaterThanOrEqualTo(23).startsWith("imdsv2-required", "ebs-volumes-encrypted");
    }

    @Test
    void findingsComeInRuleOrder() {
        ChecklistReport report = Checklist.evaluate(spec(), unknown(), CLOCK);
        assertThat(report.findings()).extracting(Finding::ruleId)
                .containsExactlyElementsOf(Checklist.rules(CLOCK).stream().map(Rule::id).toList());
    }

    @Test
    void offlineTheDefaultSpecHasNoFailAndNeverPassesWhatItCouldNotCheck() {
        ChecklistReport report = Checklist.evaluate(spec(), unknown(), CLOCK);

        assertThat(report.hasFail()).isFalse();
        for (String id : FACT_RULES) {
            Finding f = report.finding(id).orElseThrow();
            assertThat(f.status()).as(id).isEqualTo(Status.WARN);
            assertThat(f.detail()).as(id).startsWith("Could not check");
        }
        // Issue 16: private by default, and it works: nothing about reaching AWS or the internet needs a warning.
        for (String id : List.of("no-public-ip", "private-subnet", "instance-can-reach-aws", "internet-downloads")) {
            assertThat(report.finding(id).orElseThrow().status()).as(id).isEqualTo(Status.PASS);
        }
    }

    @Test
    void nullFactsAreUnknownFacts() {
        assertThat(Checklist.evaluate(spec(), null, CLOCK)).isEqualTo(Checklist.evaluate(spec(), unknown(), CLOCK));
    }

    @Test
    void aGoodSpecInAGoodAccountPassesEverything() {
        LaunchSpec spec = base().subnetId(SUBNET).build();
        ChecklistReport report = Checklist.evaluate(spec, allGood(), CLOCK);

        assertThat(report.findings()).allSatisfy(f -> assertThat(f.status()).as(f.ruleId() + ": " + f.detail()).isEqualTo(Status.PASS));
        assertThat(report.counts()).containsEntry(Status.PASS, (long) report.findings().size())
                .containsEntry(Status.WARN, 0L).containsEntry(Status.FAIL, 0L);
        assertThat(report.fixable()).isEmpty();
    }

    @Test
    void sshFromAnywhereFailsThreeRulesAndOneFixClearsThemAll() {
        LaunchSpec open = ssh("0.0.0.0/0");
        ChecklistReport report = Checklist.evaluate(open, allGood(), CLOCK);

        assertThat(report.hasFail()).isTrue();
        assertThat(report.count(Status.FAIL)).isEqualTo(3);
        Fix fix = report.finding("no-admin-ports-from-anywhere").orElseThrow().fix();
        LaunchSpec fixed = fix.applyTo(open);
        assertThat(fixed.access()).isEqualTo(Access.SSM);
        assertThat(fixed.sshCidr()).isNull();
        assertThat(fixed.allowSshFromAnywhere()).isFalse();
        assertThat(Checklist.evaluate(fixed, allGood(), CLOCK).hasFail()).isFalse();
    }

    @Test
    void countsAddUpAndFixableListsOnlyOneClickFixesOfNonPasses() {
        LaunchSpec spec = base().egress(Egress.ALL).bucketAccess(BucketAccess.READ_WRITE).idleStopMinutes(0).build();
        ChecklistReport report = Checklist.evaluate(spec, unknown(), CLOCK);

        assertThat(report.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(report.findings().size());
        assertThat(report.fixable()).extracting(Finding::ruleId)
                .contains("restricted-egress", "least-privilege-data-access", "idle-stop-on")
                .doesNotContain("data-bucket-blocks-public-access");
        assertThat(report.fixable()).allSatisfy(f -> assertThat(f.status()).isNotEqualTo(Status.PASS));
    }

    @Test
    void applyingEveryOfferedFixLeavesAValidSpecWithoutFail() {
        LaunchSpec spec = ssh("0.0.0.0/0").toBuilder().egress(Egress.ALL).bucketAccess(BucketAccess.READ_WRITE)
                .idleStopMinutes(0).deleteDataVolumeOnTermination(true).build();
        for (Finding f : Checklist.evaluate(spec, unknown(), CLOCK).fixable()) {
            spec = f.fix().applyTo(spec);
        }
        assertThat(new SpecValidator().validate(spec)).isEmpty();
        ChecklistReport after = Checklist.evaluate(spec, unknown(), CLOCK);
        assertThat(after.hasFail()).isFalse();
        assertThat(after.finding("restricted-egress").orElseThrow().status()).isEqualTo(Status.PASS);
        assertThat(after.finding("idle-stop-on").orElseThrow().status()).isEqualTo(Status.PASS);
    }

    @Test
    void aHalfBuiltSpecFromTheWizardIsReportedNotThrown() {
        ChecklistReport report = Checklist.evaluate(LaunchSpec.builder().access(null).tenancy(null).build(), unknown(), CLOCK);

        assertThat(report.findings()).hasSize(Checklist.rules(CLOCK).size());
        assertThat(report.findings()).filteredOn(f -> f.status() == Status.WARN && f.detail().startsWith("Could not check"))
                .isNotEmpty();
    }
}
