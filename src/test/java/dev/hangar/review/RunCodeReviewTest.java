package dev.hangar.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.catalog.CatalogCache;
import dev.hangar.catalog.CatalogService;
import dev.hangar.journal.JournalStore;
import dev.hangar.provision.Launcher;
import dev.hangar.provision.Pacing;
import dev.hangar.spec.InvalidSpecException;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.RunSpec;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard's path: its review and its launch check a local run.code before any AWS call, as the command line does;
 * a folder the review accepted is shown in the summary with its absolute path.
 */
@ExtendWith(LocalAwsExtension.class)
class RunCodeReviewTest {

    @TempDir Path home;

    private static LaunchSpec spec(String code) {
        return LaunchSpec.builder().name("llama").region(LocalAws.REGION).amiId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType("g5.xlarge")
                .dataBucket("research-data").run(new RunSpec(code, null, "python train.py", Map.of(), true)).build();
    }

    private Reviewer reviewer(LocalAws aws) {
        Clock clock = Clock.systemUTC();
        return new Reviewer(Optional.of(aws.clients()), new CatalogService(Optional.of(aws.clients()), new CatalogCache(home, clock), clock), clock);
    }

    @Test
    void aMissingFolderStopsTheReviewAndTheLaunchBeforeAnyCall(LocalAws aws) {
        aws.endpoint().clearRecord();
        LaunchSpec missing = spec(home.resolve("gone").toString());
        assertThatThrownBy(() -> reviewer(aws).review(missing)).isInstanceOf(InvalidSpecException.class).hasMessageContaining("run.code: folder");
        Launcher launcher = new Launcher(aws.clients(), new JournalStore(home), home, Pacing.fast(), Clock.systemUTC());
        assertThatThrownBy(() -> launcher.prepare(missing, e -> { })).isInstanceOf(InvalidSpecException.class).hasMessageContaining("run.code");
        assertThat(aws.endpoint().requests()).isEmpty();
        assertThat(Files.exists(home.resolve("launches"))).isFalse();
    }

    @Test
    void aGoodFolderIsReviewedWithItsAbsolutePath(LocalAws aws) throws Exception {
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("research-data"));
        Path code = Files.createDirectories(home.resolve("code"));
        Files.writeString(code.resolve("train.py"), "");
        LaunchReview review = reviewer(aws).review(spec(code.toString()));
        assertThat(review.summary().run().code()).isEqualTo(code.toString());
        assertThat(review.summary().rows()).anyMatch(r -> r.label().equals("Run") && r.value().startsWith(code + " (packed and uploaded)"));
    }
}
