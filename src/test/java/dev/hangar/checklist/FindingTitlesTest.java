package dev.hangar.checklist;

import static dev.hangar.checklist.Specs.*;
import static dev.hangar.checklist.Status.PASS;
import static dev.hangar.checklist.Status.WARN;
import static dev.hangar.spec.NetworkMode.ISOLATED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.InstanceModel;
import dev.hangar.spec.LaunchSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 17: a finding's title says what was found, so a list of titles reads right on its own. The rule's requirement
 * ("SSH and RDP are not open to the whole internet") is its {@code check}, never the title of a finding that breaks it.
 */
class FindingTitlesTest {

    /** Rules that judge only what Hangar guarantees, or only advise: no spec makes them anything but PASS. */
    private static final Set<String> ONLY_PASS = Set.of("own-security-group", "tenancy-isolation");

    /** What a blueprint Hangar never builds looks like to the rules that state its guarantees (and the drift audit reruns). */
    private static final List<Blueprint> BROKEN_GUARANTEES = List.of(
            instance(i -> instance(i, "optional", 1, true, true, true)),
            instance(i -> instance(i, "required", 2, true, true, true)),
            instance(i -> instance(i, "required", 1, false, true, true)),
            instance(i -> instance(i, "required", 1, true, false, true)),
            instance(i -> instance(i, "required", 1, true, true, false)));

    /** Every rule on every spec of {@link RulesTest}'s table, and on the broken guarantees. */
    private static List<Finding> outcomes(Rule rule) {
        List<Finding> out = new ArrayList<>();
        RulesTest.cases().filter(c -> c.rule().id().equals(rule.id()))
                .forEach(c -> out.add(c.rule().evaluate(Blueprint.draft(c.spec()), c.facts())));
        BROKEN_GUARANTEES.forEach(b -> out.add(rule.evaluate(b, allGood())));
        return out;
    }

    static Stream<Rule> rules() {
        return Checklist.rules(CLOCK).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void passAndNonPassReadDifferentlyAndNoFailureIsTitledWithTheRequirement(Rule rule) {
        List<Finding> outcomes = outcomes(rule);
        Set<String> passes = titles(outcomes, true);
        Set<String> others = titles(outcomes, false);

        assertThat(passes).as(rule.id() + " passes").isNotEmpty();
        if (!ONLY_PASS.contains(rule.id())) {
            assertThat(others).as(rule.id() + ": a WARN or FAIL").isNotEmpty();
        }
        assertThat(passes).as(rule.id() + ": a title both passes and fails").noneMatch(others::contains);
        assertThat(others).as(rule.id() + ": a WARN or FAIL titled as if it passed").doesNotContain(rule.check());
        for (Finding f : outcomes) {
            String seen = f.status() + " " + f.title();
            assertThat(f.check()).as(seen).isEqualTo(rule.check());
            assertThat(f.title()).as(rule.id()).isNotBlank().doesNotEndWith(".");
            assertThat(f.title().length()).as("fits the checklist row and plan's column: " + seen).isLessThanOrEqualTo(64);
        }
    }

    @Test
    void tenancyTitlesSayWhichTenancyAndWhatItCosts() {
        TenancyRule rule = new TenancyRule();
        LaunchSpec dedicated = base().tenancy(dev.hangar.spec.Tenancy.DEDICATED).build();

        assertThat(rule.evaluate(Blueprint.draft(spec()), unknown()).title()).isEqualTo("Default tenancy: shared hardware, isolated by Nitro");
        assertThat(rule.evaluate(Blueprint.draft(dedicated), unknown()).title()).isEqualTo("Dedicated tenancy: about +10 % and $2 per region-hour");
        assertThat(rule.evaluate(Blueprint.draft(dedicated), facts().onDemandPricePerHour(1.006).build()).title())
                .isEqualTo("Dedicated tenancy: about $3.11/h with the region fee");
    }

    @Test
    void sshOpenToTheWholeInternetSaysSoWithItsCidr() {
        Rule rule = new NoAdminPortsFromAnywhereRule();

        assertThat(title(rule, ssh("0.0.0.0/0"), allGood())).isEqualTo("FAIL SSH is open to the whole internet (0.0.0.0/0)");
        assertThat(title(rule, ssh("::/0"), allGood())).isEqualTo("FAIL SSH is open to the whole internet (::/0)");
        assertThat(title(rule, ssh("10.1.0.0/16"), allGood())).isEqualTo("WARN SSH is open to 65,536 addresses (10.1.0.0/16)");
        assertThat(title(rule, ssh("203.0.113.7/32"), allGood())).isEqualTo("PASS SSH is open only to 203.0.113.7/32");
        assertThat(title(rule, spec(), allGood())).isEqualTo("PASS No SSH or RDP port is open");
        assertThat(title(new HighRiskPortsRule(), ssh("0.0.0.0/0"), allGood()))
                .isEqualTo("FAIL High-risk port 22 (SSH) is open to everyone (0.0.0.0/0)");
        assertThat(title(new UnrestrictedPortsRule(), ssh("0.0.0.0/0"), allGood()))
                .isEqualTo("FAIL Port 22 is open to everyone (0.0.0.0/0), not only 80 and 443");
    }

    @Test
    void anIsolatedNetworkReachesAwsButNotTheInternetAndTheTitlesSaySo() {
        LaunchSpec isolated = base().network(ISOLATED).build();

        assertThat(title(new ReachesAwsServicesRule(), isolated, unknown())).isEqualTo("PASS Reaches SSM, S3 and CloudWatch through VPC endpoints");
        assertThat(title(new InternetDownloadsRule(), isolated, unknown()))
                .isEqualTo("WARN No internet (network isolated): pip and model downloads fail");
        // The trap the old title hid: "The instance can reach SSM, S3 and CloudWatch" on a WARN that said it cannot.
        assertThat(title(new ReachesAwsServicesRule(), base().subnetId(SUBNET).build(), facts().subnetIsDefaultVpc(true).build()))
                .isEqualTo("WARN The instance cannot reach SSM, S3 or CloudWatch");
        assertThat(title(new ReachesAwsServicesRule(), spec(), unknown())).isEqualTo("PASS Reaches SSM, S3 and CloudWatch through the NAT gateway");
    }

    @Test
    void theImageAgeIsInTheTitle() {
        Rule rule = new AmiAgeRule(CLOCK);

        assertThat(title(rule, spec(), facts().amiCreationDate(NOW.minusSeconds(86400L * 20)).build())).isEqualTo("PASS The image is 20 days old");
        assertThat(title(rule, spec(), facts().amiCreationDate(NOW.minusSeconds(86400L)).build())).isEqualTo("PASS The image is 1 day old");
        assertThat(title(rule, spec(), facts().amiCreationDate(NOW.minusSeconds(86400L * 731)).build()))
                .isEqualTo("WARN The image is 731 days old, older than 90 days");
        assertThat(title(rule, spec(), unknown())).isEqualTo("WARN Could not check how old the image is");
    }

    @Test
    void aPublicBucketAndAnImageForAnotherAcceleratorAreNamed() {
        assertThat(title(new BucketNotPublicRule(), spec(), facts().bucketIsPublic(true).build())).isEqualTo("FAIL s3://my-datasets is public");
        assertThat(title(new BucketRequiresTlsRule(), spec(), facts().bucketRequiresTls(false).build()))
                .isEqualTo("WARN s3://my-datasets accepts plain HTTP from other clients");
        assertThat(title(new ImageFitsAcceleratorRule(), base().instanceType("dl1.24xlarge").build(),
                facts().amiName("Deep Learning OSS Nvidia Driver AMI GPU PyTorch 2.5.1 (Ubuntu 22.04) 20250105").build()))
                .isEqualTo("FAIL The image is for NVIDIA GPUs, not the Habana Gaudi accelerator");
    }

    @Test
    void aRuleThatCouldNotReadAHalfBuiltSpecSaysItWasNotChecked() {
        Finding f = Checklist.evaluate(LaunchSpec.builder().access(null).tenancy(null).build(), unknown(), CLOCK).findings().stream()
                .filter(x -> x.detail().startsWith("Could not check: ") && x.title().startsWith("Not checked: ")).findFirst().orElseThrow();
        assertThat(f.title()).isEqualTo("Not checked: " + f.check());
        assertThat(f.status()).isEqualTo(WARN);
    }

    private static String title(Rule rule, LaunchSpec spec, AccountFacts facts) {
        Finding f = rule.evaluate(Blueprint.draft(spec), facts);
        return f.status() + " " + f.title();
    }

    private static Set<String> titles(List<Finding> outcomes, boolean pass) {
        return outcomes.stream().filter(f -> (f.status() == PASS) == pass).map(Finding::title).collect(Collectors.toSet());
    }

    private static Blueprint instance(UnaryOperator<InstanceModel> change) {
        Blueprint b = Blueprint.draft(spec());
        return new Blueprint(b.spec(), b.launchId(), b.launchIdDerived(), b.region(), b.partition(), b.tags(), b.iam(),
                b.securityGroup(), b.keyPair(), change.apply(b.instance()), b.dataVolume(), b.idleAlarm(), b.noGpuDataAlarm(),
                b.session(), b.network(), b.run(), b.cluster());
    }

    private static InstanceModel instance(InstanceModel i, String httpTokens, int hopLimit, boolean rootEncrypted, boolean monitoring,
            boolean ebsOptimized) {
        return new InstanceModel(i.amiId(), i.instanceType(), i.subnetId(), i.availabilityZone(), i.associatePublicIp(), i.tenancy(),
                monitoring, ebsOptimized, i.httpEndpoint(), httpTokens, hopLimit, i.rootDeviceName(), i.rootVolumeGiB(),
                i.rootVolumeType(), rootEncrypted, i.rootDeleteOnTermination(), i.userData(), i.spot(), i.shutdownBehavior(), i.capacityReservationId());
    }
}
