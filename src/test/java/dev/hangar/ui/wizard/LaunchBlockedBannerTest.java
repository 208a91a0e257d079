package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.catalog.CatalogCache;
import dev.hangar.catalog.CatalogService;
import dev.hangar.checklist.AccountFacts;
import dev.hangar.checklist.Checklist;
import dev.hangar.checklist.Rule;
import dev.hangar.review.LaunchReview;
import dev.hangar.review.Reviewer;
import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: the line under Review names what blocks Launch in plain words, one problem per fix, and where to fix it. Reviews
 * are made offline (plan-only) and judged on the account facts a preflight would have read.
 */
class LaunchBlockedBannerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final String NVIDIA_DLAMI = "Deep Learning OSS Nvidia Driver AMI GPU PyTorch 2.5.1 (Ubuntu 22.04) 20250105";

    @TempDir Path home;

    private static LaunchSpec.Builder spec() {
        return LaunchSpec.builder().name("llama").region("us-east-1").amiId("ami-0123456789abcdef0").instanceType("g5.xlarge")
                .dataBucket("research-data");
    }

    private static LaunchSpec sshFromAnywhere(LaunchSpec.Builder spec) {
        return spec.access(Access.SSH).keyPair("lab-key").sshCidr("0.0.0.0/0").allowSshFromAnywhere(true).build();
    }

    /** A private bucket, an image that fits, recent: only the spec can fail. */
    private static AccountFacts.Builder goodAccount() {
        return AccountFacts.builder().bucketIsPublic(false).amiName(NVIDIA_DLAMI).amiCreationDate(CLOCK.instant().minusSeconds(86400L * 20));
    }

    private LaunchReview review(LaunchSpec spec, AccountFacts facts) {
        LaunchReview offline = new Reviewer(Optional.empty(), new CatalogService(Optional.empty(), new CatalogCache(home, CLOCK), CLOCK), CLOCK)
                .review(spec);
        return new LaunchReview(offline.spec(), Checklist.evaluate(offline.blueprint(), facts, CLOCK), offline.preflight(), offline.cost(),
                offline.blueprint(), offline.plan(), offline.network(), offline.summary(), offline.cluster());
    }

    @Test
    void sshOpenToTheWholeInternetIsOneProblemThoughThreeRulesFailIt() {
        LaunchReview review = review(sshFromAnywhere(spec()), goodAccount().build());

        assertThat(review.checklist().findings().stream().filter(f -> f.status() == dev.hangar.checklist.Status.FAIL)
                .map(f -> f.ruleId()).collect(Collectors.toList()))
                .containsExactly("no-admin-ports-from-anywhere", "no-high-risk-ports-open", "only-authorized-ports-unrestricted");
        assertThat(LaunchBlockedBanner.text(review))
                .isEqualTo("Launch is blocked: SSH is open to the whole internet (0.0.0.0/0). Fix it in the security checklist or change Access.");
        assertThat(review.blockedBecause()).hasValue("SSH is open to the whole internet (0.0.0.0/0)");
    }

    @Test
    void threeProblemsNameTheFirstTwoAndCountTheRest() {
        LaunchSpec spec = sshFromAnywhere(spec().instanceType("dl1.24xlarge"));
        LaunchReview review = review(spec, goodAccount().bucketIsPublic(true).build());

        assertThat(review.blockingFindings()).extracting(f -> f.ruleId())
                .containsExactly("no-admin-ports-from-anywhere", "data-bucket-not-public", "image-fits-accelerator");
        assertThat(LaunchBlockedBanner.text(review)).isEqualTo("Launch is blocked: SSH is open to the whole internet (0.0.0.0/0); "
                + "s3://research-data is public and 1 more. Fix them in the security checklist or change Machine image, Access or Data.");
    }

    @Test
    void twoProblemsAreBothNamedAndAManualFixIsPointedTo() {
        LaunchReview review = review(spec().instanceType("dl1.24xlarge").build(), goodAccount().bucketIsPublic(true).build());

        assertThat(LaunchBlockedBanner.text(review)).isEqualTo("Launch is blocked: s3://research-data is public; the image is for NVIDIA "
                + "GPUs, not the Habana Gaudi accelerator. The security checklist says how to fix them, or change Machine image or Data.");
    }

    @Test
    void withoutAFailTheReasonIsPlanOnlyModeAndNothingToFixInTheChecklist() {
        LaunchReview review = review(spec().build(), goodAccount().build());

        assertThat(review.checklist().hasFail()).isFalse();
        assertThat(LaunchBlockedBanner.text(review))
                .isEqualTo("Launch is blocked: plan-only mode: no AWS credentials, so nothing could be checked in your account.");
    }

    @Test
    void everyRuleTheBannerSendsBackToAStepIsARealRule() {
        assertThat(Checklist.rules(CLOCK).stream().map(Rule::id).toList()).containsAll(LaunchBlockedBanner.STEP_OF_RULE.keySet());
    }
}
