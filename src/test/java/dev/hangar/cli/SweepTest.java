package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchJournal;
import dev.hangar.journal.LaunchState;
import dev.hangar.provision.Inventory;
import dev.hangar.provision.LaunchOutcome;
import dev.hangar.blueprint.LaunchTags;
import dev.hangar.provision.Launcher;
import dev.hangar.provision.Pacing;
import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * {@code sweep} against a journal holding one launch of every kind it must judge: running, interrupted,
 * destroyed with its data volume kept, rolled back with a straggler AWS made after the rollback, one whose
 * journal file is damaged, and one whose journal file is gone.
 */
@ExtendWith({LocalAwsExtension.class, TestCredentials.class})
class SweepTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path home;
    private LocalAws aws;
    private Launcher launcher;
    private JournalStore journal;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        this.journal = new JournalStore(home);
        this.launcher = new Launcher(aws.clients(), journal, home, Pacing.fast(), Clock.systemUTC());
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("research-data"));
    }

    private LaunchSpec.Builder spec(String name) {
        return LaunchSpec.builder().name(name).region(LocalAws.REGION).amiId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType("g5.xlarge")
                .dataBucket("research-data").tag("project", "nlp");
    }

    private String launch(LaunchSpec spec) throws InterruptedException {
        LaunchOutcome o = launcher.prepare(spec, e -> { }).run();
        assertThat(o.succeeded()).as(o.message()).isTrue();
        return o.launchId();
    }

    private Inventory inventory(String launchId) {
        return Inventory.of(aws.clients(), LocalAws.REGION, launchId);
    }

    @Test
    void sweepFindsAndRemovesOnlyWhatNoLiveLaunchOwns() throws Exception {
        String running = launch(spec("running").build());
        String interrupted = launch(spec("interrupted").build());
        LaunchJournal.reopen(journal, Clock.systemUTC(), journal.load(interrupted).orElseThrow()).state(LaunchState.LAUNCHING, "as if killed");
        String kept = launch(spec("kept").build());
        assertThat(launcher.destroy(journal.load(kept).orElseThrow(), true, e -> { }).state()).isEqualTo(LaunchState.DESTROYED);
        String keptVolume = inventory(kept).dataVolumes().get(0).volumeId();
        String forgotten = launch(spec("forgotten").access(Access.SSH).sshCidr("203.0.113.7/32").keyPair("forgotten-key").createKeyPair(true).build());
        Files.delete(journal.fileOf(forgotten));
        String damaged = launch(spec("damaged").build());
        Files.writeString(journal.fileOf(damaged), Files.readString(journal.fileOf(damaged)).substring(0, 200));
        String rolledBack = rolledBackWithAStraggler();
        String straggler = inventory(rolledBack).volumes().get(0).volumeId();
        aws.endpoint().clearRecord();

        InProcessCli.Result listed = InProcessCli.run(aws.uri(), home, "sweep", "--region", LocalAws.REGION, "--include-live", "--json");
        assertThat(listed.exit()).as(listed.toString()).isZero();
        assertThat(aws.endpoint().mutatingRequests()).as("listing changes nothing").isEmpty();
        JsonNode result = JSON.readTree(listed.out());
        Map<String, List<String>> byLaunch = StreamSupport.stream(result.get("resources").spliterator(), false)
                .collect(Collectors.groupingBy(r -> r.get("launchId").asText(), Collectors.mapping(r -> r.get("kind").asText(), Collectors.toList())));
        assertThat(byLaunch).containsOnlyKeys(forgotten, rolledBack);
        assertThat(byLaunch.get(forgotten)).containsExactlyInAnyOrder("instance", "volume", "volume", "security-group", "key-pair",
                "instance-profile", "iam-role", "alarm", "alarm");
        assertThat(byLaunch.get(rolledBack)).containsExactly("volume");
        assertThat(result.get("resources").findValuesAsText("why")).contains("not in the journal", "rolled back");
        assertThat(result.get("warnings").toString()).contains(damaged).contains("damaged");

        InProcessCli.Result text = InProcessCli.run(aws.uri(), home, "sweep", "--region", LocalAws.REGION, "--include-live");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("REGION", "KIND", forgotten, straggler, "10 resources of 2 launches left behind", "sweep --delete");

        InProcessCli.Result deleted = InProcessCli.run(aws.uri(), home, "sweep", "--region", LocalAws.REGION, "--delete", "--include-live", "--yes");
        assertThat(deleted.exit()).as(deleted.toString()).isZero();
        assertThat(deleted.out()).contains("removed instance").contains("removed 10 resources of 2 launches");
        assertThat(inventory(forgotten).leftovers()).isEmpty();
        assertThat(inventory(rolledBack).leftovers()).isEmpty();
        // Instances before the groups they use, profiles before their roles.
        List<String> order = aws.endpoint().mutatingRequests().stream().map(r -> r.action()).toList();
        assertThat(order.indexOf("TerminateInstances")).isLessThan(order.indexOf("DeleteSecurityGroup"));
        assertThat(order.indexOf("DeleteInstanceProfile")).isLessThan(order.indexOf("DeleteRole"));

        // What a live launch owns, and what was kept on purpose, is untouched.
        assertThat(inventory(running).duplicatesOrGaps(false, true)).isEmpty();
        assertThat(inventory(interrupted).duplicatesOrGaps(false, true)).isEmpty();
        assertThat(inventory(damaged).duplicatesOrGaps(false, true)).isEmpty();
        assertThat(inventory(kept).volumes()).extracting(v -> v.volumeId()).containsExactly(keptVolume);

        InProcessCli.Result again = InProcessCli.run(aws.uri(), home, "sweep", "--include-live", "--json");
        assertThat(again.exit()).as(again.toString()).isZero();
        JsonNode second = JSON.readTree(again.out());
        assertThat(second.get("resources")).isEmpty();
        assertThat(second.get("regions").toString()).as("the journal's regions by default").contains(LocalAws.REGION);
    }

    /** Rolled back cleanly; then a volume with its tag appears, as when AWS acts on a request after the client gave up on it. */
    private String rolledBackWithAStraggler() throws InterruptedException {
        aws.endpoint().inject(dev.hangar.testing.Fault.on("ec2", "CreateVolume").error(403, "UnauthorizedOperation", "You are not authorized to perform this operation."));
        LaunchOutcome o = launcher.prepare(spec("rolledback").build(), e -> { }).run();
        assertThat(o.state()).as(o.message()).isEqualTo(LaunchState.ROLLED_BACK);
        aws.endpoint().clearFaults();
        List<Tag> tags = new ArrayList<>(List.of(Tag.builder().key(LaunchTags.LAUNCH_ID).value(o.launchId()).build(),
                Tag.builder().key(LaunchTags.ROLE).value(LaunchTags.DATA_VOLUME_ROLE).build(),
                // as the request that made it would have tagged it
                Tag.builder().key(LaunchTags.CREATED_BY).value(aws.clients().sts(LocalAws.REGION).getCallerIdentity().arn()).build()));
        aws.clients().ec2(LocalAws.REGION).createVolume(r -> r.availabilityZone("us-east-1a").size(100)
                .tagSpecifications(t -> t.resourceType(ResourceType.VOLUME).tags(tags)));
        return o.launchId();
    }

    @Test
    void withNothingLeftBehindSweepSaysSo() throws Exception {
        String launchId = launch(spec("clean").build());
        launcher.destroy(journal.load(launchId).orElseThrow(), false, e -> { });
        InProcessCli.Result result = InProcessCli.run(aws.uri(), home, "sweep", "--region", LocalAws.REGION, "--delete");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).contains("nothing left behind");
    }
}
