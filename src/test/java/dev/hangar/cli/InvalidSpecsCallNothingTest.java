package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.spec.InvalidSpecException;
import dev.hangar.spec.LaunchSpecJson;
import dev.hangar.spec.SpecMutations;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sample of the fuzzer's invalid specs, each given to {@code launch --yes} against the endpoint: each
 * exits 2 naming what is wrong, and not one request reaches AWS, mutating or not.
 */
@ExtendWith({LocalAwsExtension.class, TestCredentials.class})
class InvalidSpecsCallNothingTest {

    static final int SAMPLE = 150;

    @TempDir Path home;

    @Test
    void noInvalidSpecReachesAws(LocalAws aws) throws Exception {
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("my-datasets"));
        aws.endpoint().clearRecord();
        List<String> invalid = SpecMutations.cases().sampleStream().map(SpecMutations.Case::json).filter(json -> {
            try {
                LaunchSpecJson.read(json);
                return false;
            } catch (InvalidSpecException e) {
                return true;
            }
        }).limit(SAMPLE).toList();
        assertThat(invalid).hasSize(SAMPLE);
        Path spec = home.resolve("spec.json");
        int n = 0;
        for (String json : invalid) {
            Files.write(spec, json.getBytes(StandardCharsets.UTF_8)); // a lone surrogate becomes "?"
            InProcessCli.Result r = InProcessCli.run(aws.uri(), home, "launch", "--spec", spec.toString(), "--yes");
            String shown = json.length() > 300 ? json.substring(0, 300) + "…" : json;
            assertThat(r.exit()).as("case %d: %s\n%s", n, shown, r).isEqualTo(2);
            assertThat(r.err()).as("case %d names what is wrong", n).contains("invalid launch spec:");
            assertThat(aws.endpoint().mutatingRequests()).as("case %d: %s", n, shown).isEmpty();
            assertThat(aws.endpoint().requests()).as("case %d: %s", n, shown).isEmpty();
            n++;
        }
        assertThat(Files.exists(home.resolve("launches"))).as("no journal was begun").isFalse();
        System.out.println("[spec-fuzz] " + n + " invalid specs through 'launch --yes': all exit 2, no request reached AWS");
    }

    @Test
    void aClusterSpecIsNotLaunchedAsOneMachine(LocalAws aws) throws Exception {
        Path spec = home.resolve("cluster.json");
        Files.writeString(spec, LaunchSpecJson.write(dev.hangar.spec.LaunchSpec.builder().name("multi").region(LocalAws.REGION)
                .amiId("ami-01234567").instanceType("p4d.24xlarge").dataBucket("my-datasets")
                .cluster(dev.hangar.spec.ClusterSpec.defaults()).build()));
        aws.endpoint().clearRecord();

        InProcessCli.Result r = InProcessCli.run(aws.uri(), home, "launch", "--spec", spec.toString(), "--yes");

        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("hangar cluster create --spec " + spec);
        assertThat(aws.endpoint().requests()).isEmpty();
    }
}
